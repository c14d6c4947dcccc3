using System.Globalization;
using System.Text;
using System.Text.Json;
using Lucene.Net.Analysis;
using Npgsql;
using NpgsqlTypes;
using TicketMaster.Search;
using TicketMaster.SearchProjector;

namespace TicketMaster.Bench.Search;

/// <summary>
/// The usual PostgreSQL design for the same search, as the baseline: one table of events, a tsvector of
/// the same text the index searches (name, performers, venue, city, category, description; 'simple'
/// configuration, no stemming) with a GIN index for words, a pg_trgm GIN index on the same text for typos,
/// B-trees and GIN arrays for the keyword filters and the start time. Every search answers what the
/// endpoint answers: one page of 20 in its order, the total and both facets, the facets by GROUP BY,
/// in one statement (the matches materialised once).
/// </summary>
public sealed class PostgresSearch(NpgsqlDataSource dataSource, DateTimeOffset now)
{
    public enum TextMode
    {
        /// <summary>Each typed word as a word or a prefix of one (<c>to_tsquery('w:*')</c>), GIN on the tsvector.</summary>
        Words,

        /// <summary>Each typed word within pg_trgm's word similarity (<c>w &lt;% text</c>, threshold 0.6), GIN trigram index.</summary>
        Typos,
    }

    private readonly Analyzer _analyzer = SearchAnalyzer.Create();

    /// <summary>The generated catalog of <paramref name="events"/>, generated here so it is gone once loaded.</summary>
    public static Task Load(NpgsqlDataSource dataSource, int events, DateTimeOffset now) => Load(dataSource, LoadedCatalog.Generate(events, now));

    public static async Task Load(NpgsqlDataSource dataSource, IReadOnlyList<SearchDocument> documents)
    {
        await using (var create = dataSource.CreateCommand("""
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            CREATE UNLOGGED TABLE search_events (
                id text PRIMARY KEY, name text NOT NULL, description text NOT NULL, category text NOT NULL,
                starts_at timestamptz NOT NULL, performers text[] NOT NULL, venue text NOT NULL, city text NOT NULL,
                min_price numeric NOT NULL, currency text NOT NULL, availability text NOT NULL,
                city_key text NOT NULL, category_key text NOT NULL, performer_keys text[] NOT NULL, venue_keys text[] NOT NULL,
                search_text text NOT NULL,
                words tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED)
            """))
        {
            await create.ExecuteNonQueryAsync();
        }
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY search_events (id, name, description, category, starts_at, performers, venue, city, min_price, currency, availability, city_key, category_key, performer_keys, venue_keys, search_text) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var d in documents)
            {
                await import.StartRowAsync();
                await import.WriteAsync(d.EventId);
                await import.WriteAsync(d.Name);
                await import.WriteAsync(d.Description);
                await import.WriteAsync(d.Category);
                await import.WriteAsync(d.StartsAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                await import.WriteAsync(d.Performers.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await import.WriteAsync(d.Venue);
                await import.WriteAsync(d.City);
                await import.WriteAsync(d.MinPrice);
                await import.WriteAsync(d.Currency);
                await import.WriteAsync(d.Availability);
                await import.WriteAsync(SearchFields.Key(d.City));
                await import.WriteAsync(SearchFields.Key(d.Category));
                await import.WriteAsync(d.Performers.Concat(d.PerformerIds).Select(SearchFields.Key).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await import.WriteAsync(new[] { SearchFields.Key(d.Venue), SearchFields.Key(d.VenueId) }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await import.WriteAsync(string.Join(' ', [d.Name, .. d.Performers, d.Venue, d.City, d.Category, d.Description]));
            }
            await import.CompleteAsync();
        }
        await using var index = dataSource.CreateCommand("""
            SET maintenance_work_mem = '1GB';
            CREATE INDEX search_events_words ON search_events USING gin (words);
            CREATE INDEX search_events_trigrams ON search_events USING gin (search_text gin_trgm_ops);
            CREATE INDEX search_events_starts ON search_events (starts_at, id);
            CREATE INDEX search_events_city ON search_events (city_key);
            CREATE INDEX search_events_category ON search_events (category_key);
            CREATE INDEX search_events_performers ON search_events USING gin (performer_keys);
            CREATE INDEX search_events_venues ON search_events USING gin (venue_keys);
            ANALYZE search_events;
            """);
        index.CommandTimeout = 3600;
        await index.ExecuteNonQueryAsync();
    }

    /// <summary>The total the statement counted; null when the text has no word to search for.</summary>
    public async Task<int?> Search(SearchQuery query, TextMode mode)
    {
        await using var command = dataSource.CreateCommand();
        var where = new List<string> { "starts_at >= @from" };
        command.Parameters.AddWithValue("from", (query.From ?? now).UtcDateTime);
        if (query.To is { } to)
        {
            where.Add("starts_at <= @to");
            command.Parameters.AddWithValue("to", to.UtcDateTime);
        }
        Keyword(command, where, "city_key = @city", "city", query.City);
        Keyword(command, where, "category_key = @category", "category", query.Category);
        Keyword(command, where, "performer_keys @> ARRAY[@performer]", "performer", query.Performer);
        Keyword(command, where, "venue_keys @> ARRAY[@venue]", "venue", query.Venue);

        var score = "0::real";
        if (query.HasText)
        {
            var terms = SearchAnalyzer.Terms(_analyzer, SearchFields.Text, query.Text!)
                .Select(t => new string(t.Where(char.IsLetterOrDigit).ToArray()))
                .Where(t => t.Length > 0).Distinct().Take(TextQuery.MaxTerms).ToList();
            if (terms.Count == 0) return null;
            if (mode == TextMode.Words)
            {
                where.Add("words @@ to_tsquery('simple', @tsquery)");
                score = "ts_rank(words, to_tsquery('simple', @tsquery))";
                command.Parameters.AddWithValue("tsquery", string.Join(" & ", terms.Select(t => t + ":*")));
            }
            else
            {
                var similarity = new StringBuilder();
                for (var i = 0; i < terms.Count; i++)
                {
                    where.Add($"@w{i} <% search_text");
                    similarity.Append(i == 0 ? "" : " + ").Append(CultureInfo.InvariantCulture, $"word_similarity(@w{i}, search_text)");
                    command.Parameters.AddWithValue($"w{i}", terms[i]);
                }
                score = similarity.ToString();
            }
        }
        var byRelevance = query.EffectiveSort == SearchSort.Relevance;
        var inner = byRelevance ? "score DESC, starts_at, id" : "starts_at, id";
        var outer = byRelevance ? "o.score DESC, o.starts_at, o.id" : "o.starts_at, o.id";
        var pageSize = Math.Clamp(query.PageSize, 1, SearchQuery.MaxPageSize);
        command.Parameters.AddWithValue("limit", pageSize);
        command.Parameters.AddWithValue("offset", (Math.Max(1, query.Page) - 1) * pageSize);
        command.CommandText = $"""
            WITH m AS MATERIALIZED (SELECT id, starts_at, category, city, {score} AS score FROM search_events WHERE {string.Join(" AND ", where)})
            SELECT (SELECT count(*) FROM m)::int,
                (SELECT coalesce(json_object_agg(category, n ORDER BY n DESC, category), '{"{}"}') FROM (SELECT category, count(*) AS n FROM m GROUP BY category) c)::text,
                (SELECT coalesce(json_object_agg(city, n ORDER BY n DESC, city), '{"{}"}') FROM (SELECT city, count(*) AS n FROM m GROUP BY city) c)::text,
                (SELECT coalesce(json_agg(p), '[]') FROM (
                    SELECT e.id, e.name, e.performers, e.venue, e.city, e.starts_at, e.category, e.min_price, e.currency, e.availability
                    FROM (SELECT id, starts_at, score FROM m ORDER BY {inner} LIMIT @limit OFFSET @offset) o JOIN search_events e USING (id)
                    ORDER BY {outer}) p)::text
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var total = reader.GetInt32(0);
        // Read the answer as a client would, so the rows and facets are really produced and shipped.
        using (JsonDocument.Parse(reader.GetString(1))) { }
        using (JsonDocument.Parse(reader.GetString(2))) { }
        using (JsonDocument.Parse(reader.GetString(3))) { }
        return total;
    }

    private static void Keyword(NpgsqlCommand command, List<string> where, string condition, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        where.Add(condition);
        command.Parameters.AddWithValue(name, SearchFields.Key(value));
    }
}
