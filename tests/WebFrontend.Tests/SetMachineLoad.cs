using TicketMaster.Hosting.Mail;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>The machine's CPU use as the mail sender sees it, set by a test instead of measured: idle unless a test makes it busy.</summary>
public sealed class SetMachineLoad : IMachineLoad
{
    public double CpuPercent { get; set; }
}
