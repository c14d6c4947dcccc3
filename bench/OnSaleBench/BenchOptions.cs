using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using TicketMaster.Hosting;

namespace TicketMaster.Bench.OnSale;

/// <summary>The bench's flags, parsed by System.CommandLine so that a typo is an error, never a silent default.</summary>
public sealed record BenchOptions(
    IReadOnlyList<string> Storages,
    TimeSpan Duration,
    int Buyers,
    bool Quick,
    IReadOnlyList<int> Seats,
    double HeldFraction,
    int MemorySeats,
    bool Baseline,
    int BaselineClients,
    int BaselineSeats,
    string? Postgres,
    string? Azurite,
    int QueueFans,
    int PreQueueFans,
    int WaitlistFans,
    bool Mail)
{
    public const int MaxSeatsPerVenue = 200_000;

    private static readonly string[] StorageKindNames = [StorageKinds.Memory, StorageKinds.Postgres, StorageKinds.AzureStorage];

    public static readonly Option<string[]> StorageOption = new("--storage")
    {
        Description = "Memory, Postgres, AzureStorage: repeat the flag or give a comma list to run several in one run (default Memory).",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [StorageKinds.Memory],
        CustomParser = ParseStorages,
    };

    public static readonly Option<int?> DurationOption = new("--duration")
    {
        Description = "Seconds each measured phase runs at most (default 20, 5 with --quick).",
        Validators = { r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--duration must be at least 1 second."); } },
    };

    public static readonly Option<int> BuyersOption = new("--buyers")
    {
        Description = "Concurrent buyers against the event grain.",
        DefaultValueFactory = _ => 200,
        Validators = { r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--buyers must be at least 1."); } },
    };

    public static readonly Option<bool> QuickOption = new("--quick")
    {
        Description = "Short phases and only the smallest event, to check that everything works.",
    };

    public static readonly Option<int[]?> SeatsOption = new("--seats")
    {
        Description = "Event sizes, comma list (default 50000,100000,200000; 50000 with --quick). Multiples of 100, at most 200000.",
        AllowMultipleArgumentsPerToken = true,
        CustomParser = ParseSeats,
    };

    public static readonly Option<double> HeldOption = new("--held")
    {
        Description = "Share of an event's seats held (2-seat holds) before its second, 'already held' measurement.",
        DefaultValueFactory = _ => 0.5,
        Validators = { r => { if (r.GetValueOrDefault<double>() is < 0 or >= 1) r.AddError("--held must be in [0, 1)."); } },
    };

    public static readonly Option<int> MemorySeatsOption = new("--memory-seats")
    {
        Description = "Seats of the event sold out in 2-seat bookings to measure its managed memory; 0 skips it.",
        DefaultValueFactory = _ => 100_000,
        Validators = { r => { if (r.GetValueOrDefault<int>() is < 0 or > MaxSeatsPerVenue || r.GetValueOrDefault<int>() % 100 != 0) r.AddError("--memory-seats: 0 or a multiple of 100 up to 200000."); } },
    };

    public static readonly Option<int?> PreQueueFansOption = new("--prequeue-fans")
    {
        Description = "Fans who join a waiting room's pre-queue before its on-sale time, to time the draw and the first admissions at it (default 100,000); 0 skips it.",
        Validators = { r => { if (r.GetValueOrDefault<int?>() is < 0) r.AddError("--prequeue-fans must be 0 or more."); } },
    };

    public static readonly Option<int?> WaitlistFansOption = new("--waitlist-fans")
    {
        Description = "Fans on a sold-out event's waitlist when a hold is released, to time the offer to the first (default 100,000); 0 skips it.",
        Validators = { r => { if (r.GetValueOrDefault<int?>() is < 0) r.AddError("--waitlist-fans must be 0 or more."); } },
    };

    public static readonly Option<int?> QueueFansOption = new("--queue-fans")
    {
        Description = "Fans who join one event's waiting room in the queue phase (default 1,000,000; 100,000 with --quick); 0 skips it.",
        Validators = { r => { if (r.GetValueOrDefault<int?>() is < 0) r.AddError("--queue-fans must be 0 or more."); } },
    };

    public static readonly Option<bool> MailOption = new("--mail")
    {
        Description = "Run the full flow a second time with an address per buyer, so every sale owes a confirmation that the silo's sender writes to a pickup folder meanwhile.",
    };

    public static readonly Option<bool> BaselineOption = new("--baseline")
    {
        Description = "Run the usual PostgreSQL design (SKIP LOCKED) as the baseline (default true; starts a throwaway PostgreSQL if none is given).",
        DefaultValueFactory = _ => true,
    };

    public static readonly Option<int> BaselineClientsOption = new("--baseline-clients")
    {
        Description = "Concurrent Npgsql clients, one connection each, for the baseline.",
        DefaultValueFactory = _ => 32,
        Validators = { r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--baseline-clients must be at least 1."); } },
    };

    public static readonly Option<string?> PostgresOption = new("--postgres")
    {
        Description = "Npgsql connection string. Absent: the bench starts a throwaway PostgreSQL 15 (initdb in a temp folder) when Postgres or the baseline needs it.",
    };

    public static readonly Option<string?> AzuriteOption = new("--azurite")
    {
        Description = "Azure Storage connection string. Absent: the bench starts Azurite from tools/azurite when AzureStorage is asked for.",
    };

    public static RootCommand Command()
    {
        var command = new RootCommand(
            "On-sale bench: the event grain on Memory, PostgreSQL and Azure Storage, beside the usual PostgreSQL design (SKIP LOCKED), in one run.");
        foreach (var option in new Option[]
        {
            StorageOption, DurationOption, BuyersOption, QuickOption, SeatsOption, HeldOption, MemorySeatsOption,
            BaselineOption, BaselineClientsOption, PostgresOption, AzuriteOption, QueueFansOption, PreQueueFansOption, WaitlistFansOption, MailOption,
        })
        {
            command.Options.Add(option);
        }
        return command;
    }

    public static BenchOptions From(ParseResult result)
    {
        var quick = result.GetValue(QuickOption);
        var seats = result.GetValue(SeatsOption) is { Length: > 0 } given ? given : quick ? [50_000] : [50_000, 100_000, 200_000];
        return new BenchOptions(
            result.GetValue(StorageOption)!,
            TimeSpan.FromSeconds(result.GetValue(DurationOption) ?? (quick ? 5 : 20)),
            result.GetValue(BuyersOption),
            quick,
            seats,
            result.GetValue(HeldOption),
            result.GetValue(MemorySeatsOption),
            result.GetValue(BaselineOption),
            result.GetValue(BaselineClientsOption),
            50_000,
            result.GetValue(PostgresOption),
            result.GetValue(AzuriteOption),
            result.GetValue(QueueFansOption) ?? (quick ? 100_000 : 1_000_000),
            result.GetValue(PreQueueFansOption) ?? 100_000,
            result.GetValue(WaitlistFansOption) ?? 100_000,
            result.GetValue(MailOption));
    }

    private static string[] ParseStorages(ArgumentResult result)
    {
        var storages = new List<string>();
        foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var kind = StorageKindNames.FirstOrDefault(k => string.Equals(k, part, StringComparison.OrdinalIgnoreCase));
            if (kind is null)
            {
                result.AddError($"--storage '{part}' is not one of {string.Join(", ", StorageKindNames)}.");
                return [];
            }
            if (!storages.Contains(kind)) storages.Add(kind);
        }
        return storages.ToArray();
    }

    private static int[]? ParseSeats(ArgumentResult result)
    {
        var seats = new List<int>();
        foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!int.TryParse(part.Replace("_", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                || count < 100 || count > MaxSeatsPerVenue || count % 100 != 0)
            {
                result.AddError($"--seats '{part}': each size is a multiple of 100 from 100 to {MaxSeatsPerVenue} (the venue limit).");
                return null;
            }
            seats.Add(count);
        }
        return seats.ToArray();
    }
}
