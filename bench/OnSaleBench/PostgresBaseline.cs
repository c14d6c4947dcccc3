using System.Diagnostics;
using Npgsql;

namespace TicketMaster.Bench.OnSale;

/// <summary>
/// The usual PostgreSQL design, as the baseline on the same server: one pre-created row per seat,
/// best-available 2 seats taken with <c>FOR UPDATE SKIP LOCKED</c>, one transaction per
/// reservation, a fixed number of clients with one connection each.
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

    public static async Task<double> Run(string connectionString, BenchOptions options, Report report)
    {
        var seats = options.BaselineSeats;
        var sections = (seats + BenchEvent.SeatsPerSection - 1) / BenchEvent.SeatsPerSection;
        await CreateSeats(connectionString, seats);

        var latency = new Latency();
        var soldOut = new bool[sections];
        var holds = 0;
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
                var held = await TryHold(connection, $"S{section + 1}");
                latency.Record(start);
                if (held) Interlocked.Increment(ref holds);
                else if (await FreeSeats(connection, $"S{section + 1}") < Buyers.SeatsPerHold) Volatile.Write(ref soldOut[section], true);
            }
        }));
        var elapsed = stopwatch.Elapsed;
        var perSecond = holds / elapsed.TotalSeconds;
        report.Add("PostgreSQL, SKIP LOCKED", $"reserve, baseline ({options.BaselineClients} clients)", seats, 0, Report.Rate(perSecond, "holds"), latency, null,
            $"{Report.N(holds)} holds in {elapsed.TotalSeconds:F1} s{(soldOut.All(s => s) ? " (sold out)" : "")}; one transaction per reservation");
        await using (var drop = new NpgsqlConnection(connectionString))
        {
            await drop.OpenAsync();
            await Execute(drop, "DROP TABLE bench_seats");
        }
        return perSecond;
    }

    /// <summary>All or nothing: fewer than 2 free seats found (taken, or locked by another client) rolls back.</summary>
    private static async Task<bool> TryHold(NpgsqlConnection connection, string section)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(Reserve, connection, transaction);
        command.Parameters.AddWithValue("hold", Guid.NewGuid());
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
            return false;
        }
        await transaction.CommitAsync();
        return true;
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
        await Execute(connection, "DROP TABLE IF EXISTS bench_seats");
        await Execute(connection, """
            CREATE TABLE bench_seats
            (
                event_id   text        NOT NULL,
                seat_no    integer     NOT NULL,
                section    text        NOT NULL,
                status     text        NOT NULL DEFAULT 'free',
                hold_id    uuid,
                held_until timestamptz,
                PRIMARY KEY (event_id, seat_no)
            )
            """);
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
