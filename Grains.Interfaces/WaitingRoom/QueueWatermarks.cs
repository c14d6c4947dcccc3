namespace TicketMaster.WaitingRoom;

/// <summary>
/// What a room publishes each admit period, only once durable: per shard the index admitted up to,
/// the closed buckets still waiting (for positions) and the admission steps of the last window
/// (for token expiry). Rows and steps are numbered so a frontend fetches only what is new. With
/// an on-sale time, also when joins open (<see cref="PreQueue"/> before it), the pre-queue's draw
/// once made, and how many of its drawn ranks are admitted.
/// </summary>
[GenerateSerializer, Immutable, Alias("QueueWatermarks")]
public sealed record QueueWatermarks(
    [property: Id(0)] bool Active,
    [property: Id(1)] bool SoldOut,
    [property: Id(2)] int Shards,
    [property: Id(3)] TimeSpan Period,
    [property: Id(4)] TimeSpan Window,
    [property: Id(5)] long ClosedBefore,
    [property: Id(6)] long[] Admitted,
    [property: Id(7)] long[] ExpiredUpTo,
    [property: Id(8)] long FirstRow,
    [property: Id(9)] long RowsFrom,
    [property: Id(10)] IReadOnlyList<BucketRow> Rows,
    [property: Id(11)] long FirstStep,
    [property: Id(12)] long StepsFrom,
    [property: Id(13)] IReadOnlyList<AdmissionStep> Steps,
    [property: Id(14)] DateTimeOffset? OnSaleAt = null,
    [property: Id(15)] TimeSpan PreQueue = default,
    [property: Id(16)] PreQueueDraw? Draw = null,
    [property: Id(17)] long PreAdmitted = 0,
    [property: Id(18)] long PreExpiredUpTo = 0)
{
    /// <summary>A room never configured: no shards, nobody queued.</summary>
    public static readonly QueueWatermarks None = new(false, false, 0, TimeSpan.FromSeconds(1), TimeSpan.Zero, 0, [], [], 0, 0, [], 0, 0, []);

    /// <summary>Before the draw, with an on-sale time: nobody is admitted and no position is known yet.</summary>
    public bool AwaitsDraw => OnSaleAt is not null && Draw is null;

    /// <summary>Whether a join at <paramref name="now"/> comes too early: the pre-queue opens <see cref="PreQueue"/> before the on-sale time.</summary>
    public bool IsBeforePreQueue(DateTimeOffset now) => AwaitsDraw && now < OnSaleAt!.Value - PreQueue;

    /// <summary>This, without the rows and steps before <paramref name="nextRow"/> and <paramref name="nextStep"/>.</summary>
    public QueueWatermarks Since(long nextRow, long nextStep)
    {
        var rowsFrom = Math.Clamp(nextRow, FirstRow, FirstRow + Rows.Count);
        var stepsFrom = Math.Clamp(nextStep, FirstStep, FirstStep + Steps.Count);
        return this with
        {
            RowsFrom = rowsFrom,
            Rows = Rows.Skip((int)(rowsFrom - FirstRow)).ToArray(),
            StepsFrom = stepsFrom,
            Steps = Steps.Skip((int)(stepsFrom - FirstStep)).ToArray(),
        };
    }
}
