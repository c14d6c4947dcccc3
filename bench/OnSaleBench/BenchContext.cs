namespace TicketMaster.Bench.OnSale;

/// <summary>What every grain phase gets: the storage under test, the silo's grains, the flags, the report.</summary>
public sealed record BenchContext(string Storage, IServiceProvider Services, IGrainFactory Grains, BenchOptions Options, Report Report, StorageCounters Counters);
