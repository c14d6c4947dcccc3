using TicketMaster.WaitingRoom;

namespace TicketMaster.Grains.WaitingRoom;

/// <summary>
/// A waiting room's state, changed only by <see cref="Apply"/> (live or replayed from its journal).
/// It never holds the fans themselves (the join shards do): its size is the shards times the
/// buckets still waiting plus the admission steps of one window.
/// </summary>
[GenerateSerializer, Alias("RoomState")]
public sealed class WaitingRoomState
{
    [Id(0)] public bool Active { get; set; }
    [Id(1)] public double AdmitPerSecond { get; set; }
    [Id(2)] public bool SoldOut { get; set; }

    /// <summary>0 until the room is first configured.</summary>
    [Id(3)] public int Shards { get; set; }
    [Id(4)] public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);
    [Id(5)] public TimeSpan Window { get; set; }

    /// <summary>Fractional admissions carried between periods, so 0.5 per second admits one every two seconds.</summary>
    [Id(6)] public double Credit { get; set; }
    [Id(7)] public DateTimeOffset LastAdmission { get; set; }

    /// <summary>Every bucket before this one is closed and in <see cref="Rows"/> (or admitted and dropped).</summary>
    [Id(8)] public long ClosedBefore { get; set; }
    [Id(9)] public long[] ClosedEnd { get; set; } = [];
    [Id(10)] public long[] Admitted { get; set; } = [];
    [Id(11)] public long[] ExpiredUpTo { get; set; } = [];
    [Id(12)] public long FirstRow { get; set; }
    [Id(13)] public List<BucketRow> Rows { get; set; } = [];
    [Id(14)] public long FirstStep { get; set; }
    [Id(15)] public List<AdmissionStep> Steps { get; set; } = [];

    /// <summary>Whether the room has heard from the event about its on-sale time (<see cref="RoomScheduled"/>).</summary>
    [Id(16)] public bool ScheduleKnown { get; set; }
    [Id(17)] public DateTimeOffset? OnSaleAt { get; set; }
    [Id(18)] public TimeSpan PreQueue { get; set; }
    [Id(19)] public PreQueueDraw? Draw { get; set; }

    /// <summary>Drawn ranks admitted: below this.</summary>
    [Id(20)] public long PreAdmitted { get; set; }
    [Id(21)] public long PreExpiredUpTo { get; set; }

    /// <summary>
    /// Nobody is admitted while the room does not know yet whether it holds a pre-queue, or holds
    /// one not drawn yet: before the on-sale time everyone waits, and the draw decides who goes first.
    /// </summary>
    public bool Holding => !ScheduleKnown || (OnSaleAt is not null && Draw is null);

    /// <summary>Drawn fans not yet admitted.</summary>
    public long PreWaiting => Draw is null ? 0 : Draw.To.Select((to, s) => Math.Max(0, to - Draw.From[s])).Sum() - PreAdmitted;

    public void Apply(RoomChange change)
    {
        switch (change)
        {
            case RoomConfigured configured:
                if (Shards == 0)
                {
                    Shards = configured.Shards;
                    Period = configured.Period;
                    ClosedEnd = new long[Shards];
                    Admitted = new long[Shards];
                    ExpiredUpTo = new long[Shards];
                }
                // Switched on: credit starts now, so time spent off is no burst of admissions.
                if (configured.Active && !Active)
                {
                    LastAdmission = configured.At;
                    Credit = 0;
                }
                Active = configured.Active;
                AdmitPerSecond = configured.AdmitPerSecond;
                Window = configured.Window;
                PreQueue = configured.PreQueue;
                break;
            case RoomScheduled scheduled:
                ScheduleKnown = true;
                OnSaleAt = scheduled.OnSaleAt;
                break;
            case RoomDrawn drawn:
                Draw = drawn.Draw;
                // Fans after the pre-queue are admitted by join time from where it ends in each shard.
                Admitted = Admitted.Select((upTo, s) => Math.Max(upTo, drawn.Draw.To[s])).ToArray();
                break;
            case RoomSoldOut soldOut:
                SoldOut = soldOut.SoldOut;
                break;
            case RoomAdvanced advanced:
                Rows.AddRange(advanced.NewRows);
                if (advanced.NewRows.Count > 0) ClosedEnd = advanced.NewRows[^1].End;
                ClosedBefore = Math.Max(ClosedBefore, advanced.ClosedBefore);
                if (!advanced.Admitted.AsSpan().SequenceEqual(Admitted) || advanced.PreAdmitted != PreAdmitted)
                {
                    Steps.Add(new AdmissionStep(advanced.At, advanced.Admitted, advanced.PreAdmitted));
                }
                Admitted = advanced.Admitted;
                PreAdmitted = advanced.PreAdmitted;
                Credit = advanced.Credit;
                LastAdmission = advanced.At;
                DropPast(advanced.At);
                break;
            default:
                throw new InvalidOperationException($"Unknown room change {change.GetType().Name}.");
        }
    }

    /// <summary>Rows everyone in has been admitted from, and steps whose tokens have all expired.</summary>
    private void DropPast(DateTimeOffset now)
    {
        var rows = 0;
        while (rows < Rows.Count && Admission.IsThrough(Rows[rows], Admitted)) rows++;
        Rows.RemoveRange(0, rows);
        FirstRow += rows;
        var steps = 0;
        while (steps < Steps.Count && Steps[steps].At + Window <= now) steps++;
        if (steps > 0)
        {
            ExpiredUpTo = Steps[steps - 1].UpTo;
            PreExpiredUpTo = Steps[steps - 1].PreUpTo;
        }
        Steps.RemoveRange(0, steps);
        FirstStep += steps;
    }

    /// <summary>What frontends are shown: arrays are never changed in place, so sharing them is safe.</summary>
    public QueueWatermarks Publish() => Shards == 0
        ? QueueWatermarks.None
        : new QueueWatermarks(Active, SoldOut, Shards, Period, Window, ClosedBefore, Admitted, ExpiredUpTo,
            FirstRow, FirstRow, Rows.ToArray(), FirstStep, FirstStep, Steps.ToArray(), OnSaleAt, PreQueue, Draw, PreAdmitted, PreExpiredUpTo);
}
