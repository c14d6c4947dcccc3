using System.Diagnostics;
using Npgsql;

namespace TicketMaster.Bench.OnSale;

/// <summary>
/// The usual PostgreSQL design, as the baseline on the same server: one pre-created row per seat,
/// best-available 2 seats taken with <c>FOR UPDATE SKIP LOCKED</c>, one transaction per
/// reservation, a fixed number of clients with one connection each. Its full flow books each hold
/// in a second transaction: an order row, a payment row, and the held seats marked sold.
/// </summary>
public static class PostgresBaseline
{
    private const string EventId = "evt_baseline";

    private const string Reserve = """
        UPDATE bench_seats SET status = 'held', hold_id = @hold, held_until = now() + interval '10 minutes'
        WHERE (event_id, seat_no) IN (
            SELECT event_id, seat_no FROM bench_seats
            WHERE event_id = @event AND section = @section AND status = 'free'
            ORDER BY seat_no
            LIMIT 2
            FOR UPDATE SKIP LOCKED)
        RETURNING seat_no
        """;

    private const string Book = """
        WITH booked AS (
            INSERT INTO bench_orders (order_id, hold_id, user_id, amount) VALUES (@order, @hold, @user, 100) RETURNING order_id),
        paid AS (
            INSERT INTO bench_payments (order_id, charge_id, amount) SELECT order_id, 'ch_' || order_id, 100 FROM booked)
        UPDATE bench_seats SET status = 'sold', order_id = @order WHERE event_id = @event AND hold_id = @hold AND status = 'held'
        """;

    /// <summary>Reserve in one transaction, then book in a second: the usual design's full flow. Returns bookings per second.</summary>
    public static async Task<double> RunFullFlow(string connectionString, BenchOptions options, Report report)
    {
        var reserveLatency = new Latency();
        var bookLatency = new Latency();
        var run = await Clients(connectionString, options, reserveLatency, async (connection, client, hold) =>
        {
            var start = Stopwatch.GetTimestamp();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand(Book, connection, transaction);
            command.Parameters.AddWithValue("order", Guid.NewGuid());
            command.Parameters.AddWithValue("hold", hold);
            command.Parameters.AddWithValue("user", $"fan-{client}");
            command.Parameters.AddWithValue("event", EventId);
            if (await command.ExecuteNonQueryAsync() != Buyers.SeatsPerHold) throw new InvalidOperationException("BASELINE FAILED: a held seat was not there to sell.");
            await transaction.CommitAsync();
            bookLatency.Record(start);
        });
        var perSecond = run.Count / run.Elapsed.TotalSeconds;
        report.Add("PostgreSQL, SKIP LOCKED", $"reserve + pay + confirm, baseline ({options.BaselineClients} clients)", options.BaselineSeats, 0, Report.Rate(perSecond, "bookings"), bookLatency, null,
            $"latencies: book (order, payment and seats in one transaction); reserve {reserveLatency.Summary}; {Report.N(run.Count)} bookings in {run.Elapsed.TotalSeconds:F1} s{(run.SoldOut ? " (sold out)" : "")}; " +
            "2 transactions per booking");
        return perSecond;
    }

    public static async Task<double> Run(string connectionString, BenchOptions options, Report report)
    {
        var latency = new Latency();
        var run = await Clients(connectionString, options, latency, (_, _, _) => Task.CompletedTask);
        var perSecond = run.Count / run.Elapsed.TotalSeconds;
        report.Add("PostgreSQL, SKIP LOCKED", $"reserve, baseline ({options.BaselineClients} clients)", options.BaselineSeats, 0, Report.Rate(perSecond, "holds"), latency, null,
            $"{Report.N(run.Count)} holds in {run.Elapsed.TotalSeconds:F1} s{(run.SoldOut ? " (sold out)" : "")}; one transaction per reservation");
        return perSecond;
    }

    /// <summary>
    /// The baseline's clients on fresh tables, one connection each, holding 2 seats in a random open
    /// section until the time is up or all are sold out; <paramref name="afterHold"/> runs on each
    /// hold before the client goes on. Counts the holds that went through it.
    /// </summary>
    private static async Task<(int Count, TimeSpan Elapsed, bool SoldOut)> Clients(
        string connectionString, BenchOptions options, Latency reserveLatency, Func<NpgsqlConnection, int, Guid, Task> afterHold)
    {
        var sections = (options.BaselineSeats + BenchEvent.SeatsPerSection - 1) / BenchEvent.SeatsPerSection;
        await CreateSeats(connectionString, options.BaselineSeats);
        var soldOut = new bool[sections];
        var count = 0;
        var stopwatch = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow + options.Duration;
        await Task.WhenAll(Enumerable.Range(0, options.BaselineClients).Select(async c =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var random = new Random(c);
            var open = new List<int>(sections);
            while (DateTime.UtcNow < deadline)
            {
                open.Clear();
                for (var i = 0; i < sections; i++) if (!Volatile.Read(ref soldOut[i])) open.Add(i);
                if (open.Count == 0) return;
                var section = open[random.Next(open.Count)];
                var start = Stopwatch.GetTimestamp();
                var hold = await TryHold(connection, $"S{section + 1}");
                reserveLatency.Record(start);
                if (hold is { } held)
                {
                    await afterHold(connection, c, held);
                    Interlocked.Increment(ref count);
                }
                else if (await FreeSeats(connection, $"S{section + 1}") < Buyers.SeatsPerHold) Volatile.Write(ref soldOut[section], true);
            }
        }));
        var elapsed = stopwatch.Elapsed;
        await DropTables(connectionString);
        return (count, elapsed, soldOut.All(s => s));
    }

    private static async Task DropTables(string connectionString)
    {
        await using var drop = new NpgsqlConnection(connectionString);
        await drop.OpenAsync();
        await Execute(drop, "DROP TABLE bench_payments, bench_orders, bench_seats");
    }

    /// <summary>The hold's id; null (all or nothing) when fewer than 2 free seats were found (taken, or locked by another client).</summary>
    private static async Task<Guid?> TryHold(NpgsqlConnection connection, string section)
    {
        var hold = Guid.NewGuid();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(Reserve, connection, transaction);
        command.Parameters.AddWithValue("hold", hold);
        command.Parameters.AddWithValue("event", EventId);
        command.Parameters.AddWithValue("section", section);
        var taken = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) taken++;
        }
        if (taken < Buyers.SeatsPerHold)
        {
            await transaction.RollbackAsync();
            return null;
        }
        await transaction.CommitAsync();
        return hold;
    }

    private static async Task<long> FreeSeats(NpgsqlConnection connection, string section)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM bench_seats WHERE event_id = @event AND section = @section AND status = 'free'", connection);
        command.Parameters.AddWithValue("event", EventId);
        command.Parameters.AddWithValue("section", section);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task CreateSeats(string connectionString, int seats)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, "DROP TABLE IF EXISTS bench_payments, bench_orders, bench_seats");
        await Execute(connection, """
            CREATE TABLE bench_seats
            (
                event_id   text        NOT NULL,
                seat_no    integer     NOT NULL,
                section    text        NOT NULL,
                status     text        NOT NULL DEFAULT 'free',
                hold_id    uuid,
                held_until timestamptz,
                order_id   uuid,
                PRIMARY KEY (event_id, seat_no)
            )
            """);
        await Execute(connection, "CREATE INDEX bench_seats_hold ON bench_seats (event_id, hold_id)");
        await Execute(connection, "CREATE TABLE bench_orders (order_id uuid PRIMARY KEY, hold_id uuid NOT NULL UNIQUE, user_id text NOT NULL, amount numeric NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
        await Execute(connection, "CREATE TABLE bench_payments (order_id uuid PRIMARY KEY REFERENCES bench_orders, charge_id text NOT NULL, amount numeric NOT NULL)");
        await Execute(connection, "CREATE INDEX bench_seats_section ON bench_seats (event_id, section, seat_no)");
        await Execute(connection, $"""
            INSERT INTO bench_seats (event_id, seat_no, section)
            SELECT '{EventId}', n, 'S' || ((n - 1) / {BenchEvent.SeatsPerSection} + 1) FROM generate_series(1, {seats}) AS n
            """);
        await Execute(connection, "VACUUM ANALYZE bench_seats");
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
