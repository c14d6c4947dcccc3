using Orleans.Statistics;

namespace TicketMaster.Hosting.Mail;

/// <summary>How busy the machine is, as the mail sender asks before each mail (<c>Mail:BusyCpuPercent</c>).</summary>
public interface IMachineLoad
{
    /// <summary>CPU use of the machine, 0 to 100, smoothed so that one busy moment does not count.</summary>
    double CpuPercent { get; }
}

/// <summary>Orleans' own figure: the silo's Kalman-filtered CPU use of the machine.</summary>
public sealed class OrleansMachineLoad(IEnvironmentStatisticsProvider statistics) : IMachineLoad
{
    public double CpuPercent => statistics.GetEnvironmentStatistics().FilteredCpuUsagePercentage;
}
