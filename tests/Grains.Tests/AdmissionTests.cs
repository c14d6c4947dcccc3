using TicketMaster.Grains.WaitingRoom;
using TicketMaster.WaitingRoom;

namespace TicketMaster.Grains.Tests;

/// <summary>The admission rule as a plain function, against random queues.</summary>
public sealed class AdmissionTests
{
    [Fact]
    public void A_later_bucket_gets_no_one_in_while_an_earlier_bucket_has_fans_waiting_and_the_budget_is_spent_exactly()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 500; trial++)
        {
            var shards = random.Next(1, 9);
            var rows = new List<BucketRow>();
            var end = new long[shards];
            for (var bucket = 0; bucket < random.Next(1, 8); bucket++)
            {
                for (var s = 0; s < shards; s++) end[s] += random.Next(0, 4) == 0 ? 0 : random.Next(0, 30);
                rows.Add(new BucketRow(bucket * 3, end.ToArray()));
            }
            var admitted = new long[shards];
            while (Admission.Waiting(end, admitted) > 0)
            {
                var budget = random.Next(0, 40);
                var next = Admission.Admit(rows, admitted, budget);

                Assert.Equal(Math.Min(budget, Admission.Waiting(end, admitted)), next.Zip(admitted, (n, a) => n - a).Sum());
                Assert.All(next.Zip(admitted), p => Assert.True(p.First >= p.Second));
                // The first bucket with anyone still waiting: nobody past it is in.
                var open = rows.FindIndex(r => !Admission.IsThrough(r, next));
                if (open > 0)
                {
                    for (var s = 0; s < shards; s++) Assert.True(next[s] <= rows[open].End[s]);
                }
                admitted = next;
            }
        }
    }

    [Fact]
    public void A_partly_admitted_bucket_is_shared_in_proportion_to_each_shards_fans_in_it()
    {
        var rows = new[] { new BucketRow(1, [10, 30, 0, 60]) };

        Assert.Equal([5, 15, 0, 30], Admission.Admit(rows, [0, 0, 0, 0], 50));
        Assert.Equal([1, 2, 0, 4], Admission.Admit(rows, [0, 0, 0, 0], 7));
    }

    [Fact]
    public void Rows_carry_each_shards_count_forward_through_buckets_it_had_no_joins_in()
    {
        var joins = new[]
        {
            new ShardJoins(10, [3, 7], [4, 9]),
            new ShardJoins(10, [5], [2]),
        };

        var rows = Admission.Rows(joins, 2, 10, [1, 0]);

        Assert.Equal([3L, 5, 7], rows.Select(r => r.Bucket));
        Assert.Equal([[4L, 0], [4, 2], [9, 2]], rows.Select(r => r.End));
    }
}
