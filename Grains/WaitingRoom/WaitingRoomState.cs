namespace TicketMaster.Grains.WaitingRoom;

[GenerateSerializer, Alias("WaitingRoomState")]
public sealed class WaitingRoomState
{
    [Id(0)] public bool Active { get; set; }
    [Id(1)] public double AdmitPerSecond { get; set; }

    /// <summary>User ids in the order they joined; the first <see cref="Admitted"/> are in.</summary>
    [Id(2)] public List<string> Queue { get; set; } = [];
    [Id(3)] public int Admitted { get; set; }

    /// <summary>When each batch was let in: (admitted count after the batch, time), for token expiry.</summary>
    [Id(4)] public List<AdmissionBatch> Batches { get; set; } = [];

    [Id(5)] public DateTimeOffset LastAdmission { get; set; }

    /// <summary>Fractional admissions carried between ticks, so 0.5 per second admits one every two seconds.</summary>
    [Id(6)] public double Credit { get; set; }

    [Id(7)] public bool SoldOut { get; set; }

    public WaitingRoomState Clone() => new()
    {
        Active = Active,
        AdmitPerSecond = AdmitPerSecond,
        Queue = [.. Queue],
        Admitted = Admitted,
        Batches = [.. Batches],
        LastAdmission = LastAdmission,
        Credit = Credit,
        SoldOut = SoldOut,
    };
}

[GenerateSerializer, Immutable, Alias("AdmissionBatch")]
public sealed record AdmissionBatch([property: Id(0)] int UpTo, [property: Id(1)] DateTimeOffset At);
