namespace TicketMaster.WaitingRoom;

/// <summary>
/// A frontend's copy of one room's watermarks, and the rules that answer a ticket from it alone:
/// admitted or not, position, token expiry. Immutable; a refresh merges the room's news into a new one.
/// </summary>
public sealed class WatermarkView
{
    private WatermarkView(QueueWatermarks marks, BucketRow[] rows, AdmissionStep[] steps, DateTimeOffset fetchedAt)
    {
        Marks = marks;
        Rows = rows;
        Steps = steps;
        FetchedAt = fetchedAt;
        Order = marks.Draw is { } draw ? new PreQueueOrder(draw) : null;
    }

    public QueueWatermarks Marks { get; }

    /// <summary>Closed buckets not yet fully admitted, numbered from <see cref="QueueWatermarks.FirstRow"/>.</summary>
    public BucketRow[] Rows { get; }

    /// <summary>Admission steps of the last window, numbered from <see cref="QueueWatermarks.FirstStep"/>.</summary>
    public AdmissionStep[] Steps { get; }

    public DateTimeOffset FetchedAt { get; }

    /// <summary>The pre-queue's drawn order, once drawn.</summary>
    public PreQueueOrder? Order { get; }

    /// <summary>The on-sale time the pre-queue was (or will be) drawn at.</summary>
    public DateTimeOffset? OnSaleAt => Order?.Draw.OnSaleAt ?? Marks.OnSaleAt;

    public long NextRow => Marks.FirstRow + Rows.Length;

    public long NextStep => Marks.FirstStep + Steps.Length;

    public static WatermarkView Of(QueueWatermarks marks, DateTimeOffset fetchedAt) =>
        new WatermarkView(QueueWatermarks.None, [], [], fetchedAt).Merge(marks, fetchedAt);

    /// <summary>Keeps what this copy has and the room still holds, then adds what the room sent.</summary>
    public WatermarkView Merge(QueueWatermarks news, DateTimeOffset fetchedAt)
    {
        var rows = Keep(Rows, Marks.FirstRow, news.FirstRow, news.RowsFrom).Concat(news.Rows).ToArray();
        var steps = Keep(Steps, Marks.FirstStep, news.FirstStep, news.StepsFrom).Concat(news.Steps).ToArray();
        return new WatermarkView(news with { Rows = [], Steps = [], RowsFrom = news.FirstRow, StepsFrom = news.FirstStep }, rows, steps, fetchedAt);
    }

    private static IEnumerable<T> Keep<T>(T[] items, long first, long keepFrom, long keepBefore)
    {
        for (var n = Math.Max(first, keepFrom); n < keepBefore && n < first + items.Length; n++) yield return items[n - first];
    }

    /// <summary>Whether the view knows every closed bucket before the one this place joined in, as positions need.</summary>
    public bool Covers(QueuePlace place) => QueueShards.Bucket(place.JoinedAt, Marks.Period) <= Marks.ClosedBefore;

    public bool IsAdmitted(QueuePlace place) =>
        place.Shard < Marks.Shards && (Order is { } order && order.Contains(place)
            ? order.RankOf(place) < Marks.PreAdmitted
            : place.Index < Marks.Admitted[place.Shard]);

    /// <summary>Whether the fan joined before the on-sale time: drawn, or to be drawn (stamped before it).</summary>
    public bool IsPreQueued(QueuePlace place) =>
        Order is { } order ? order.Contains(place) : Marks.OnSaleAt is { } onSaleAt && place.JoinedAt < onSaleAt;

    /// <summary>
    /// 1 + the fans still waiting who go before this one: everyone ahead in its own shard, and in
    /// every other shard everyone who joined in an earlier admit-period bucket. Fans of other
    /// shards who joined in the same bucket are its equals (admitted in the same steps) and not
    /// counted. Those counts are fixed once the bucket has closed and the watermarks only rise,
    /// so the position never goes up. 0 once admitted. With a pre-queue: null until it is drawn;
    /// then a pre-queued fan's is its rank among the drawn fans still waiting, and everyone else
    /// also counts every drawn fan still waiting.
    /// </summary>
    public long? PositionOf(QueuePlace place)
    {
        if (place.Shard >= Marks.Shards || IsAdmitted(place)) return 0;
        if (Marks.AwaitsDraw) return null;
        if (Order is { } order && order.Contains(place)) return order.RankOf(place) - Marks.PreAdmitted + 1;
        var admitted = Marks.Admitted;
        var position = place.Index - admitted[place.Shard] + 1 + Math.Max(0, (Order?.Total ?? 0) - Marks.PreAdmitted);
        if (LastRowBefore(QueueShards.Bucket(place.JoinedAt, Marks.Period)) is { } row)
        {
            for (var s = 0; s < Marks.Shards; s++)
            {
                if (s != place.Shard) position += Math.Max(0, row.End[s] - admitted[s]);
            }
        }
        return position;
    }

    /// <summary>The status of a ticket's place; <paramref name="issue"/> signs an admission token expiring at the given time.</summary>
    public QueueStatus StatusOf(QueuePlace place, DateTimeOffset now, Func<DateTimeOffset, string> issue)
    {
        var status = Status(place, now, issue);
        return OnSaleAt is null ? status : status with { PreQueued = IsPreQueued(place), OnSaleAt = OnSaleAt, DrawnAt = Order?.Draw.At };
    }

    private QueueStatus Status(QueuePlace place, DateTimeOffset now, Func<DateTimeOffset, string> issue)
    {
        if (!IsAdmitted(place)) return new QueueStatus(Marks.SoldOut ? QueueState.SoldOut : QueueState.Waiting, PositionOf(place));
        if (AdmittedBy(place) is not { } step) return new QueueStatus(QueueState.Expired, 0);
        var expiresAt = step.At + Marks.Window;
        return now >= expiresAt
            ? new QueueStatus(QueueState.Expired, 0, null, expiresAt)
            : new QueueStatus(QueueState.Admitted, 0, issue(expiresAt), expiresAt);
    }

    /// <summary>The step that let this place in, or null when it is older than the window (and so has expired).</summary>
    private AdmissionStep? AdmittedBy(QueuePlace place)
    {
        Func<AdmissionStep, bool> covers;
        if (Order is { } order && order.Contains(place))
        {
            var rank = order.RankOf(place);
            if (rank < Marks.PreExpiredUpTo) return null;
            covers = step => step.PreUpTo > rank;
        }
        else
        {
            if (place.Index < Marks.ExpiredUpTo[place.Shard]) return null;
            covers = step => step.UpTo[place.Shard] > place.Index;
        }
        int low = 0, high = Steps.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (covers(Steps[mid])) high = mid; else low = mid + 1;
        }
        return low < Steps.Length ? Steps[low] : null;
    }

    /// <summary>The newest row of a bucket before <paramref name="bucket"/>: every shard's count of fans who joined before it.</summary>
    private BucketRow? LastRowBefore(long bucket)
    {
        int low = 0, high = Rows.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (Rows[mid].Bucket < bucket) low = mid + 1; else high = mid;
        }
        return low > 0 ? Rows[low - 1] : null;
    }
}
