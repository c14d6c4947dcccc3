using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>
/// Every operation of the OpenAPI document, called with random and boundary values (paths, query,
/// headers, bodies of the right and wrong shapes, broken JSON), as anonymous, a fan and the admin:
/// nothing answers 5xx, every error is problem+json, and every answer matches the document.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FuzzTests(ApiFactory factory, ITestOutputHelper output)
{
    private const int Requests = 10_000;
    private readonly Api _api = new(factory);

    [Fact]
    public async Task Random_and_boundary_input_to_every_operation_never_gets_a_5xx_and_errors_are_problem_json()
    {
        var seed = Environment.GetEnvironmentVariable("FUZZ_SEED") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : Random.Shared.Next();
        output.WriteLine($"FUZZ_SEED={seed}");
        var document = JsonNode.Parse(await _api.Anonymous().GetStringAsync("/openapi/v1.json"))!.AsObject();
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => (Path: p.Key, Method: m.Key.ToUpperInvariant(), Operation: m.Value!.AsObject())))
            .ToList();

        var eventId = await _api.CreateEvent();
        var fan = _api.AsNewUser();
        var reservationId = await Api.Hold(fan, eventId, "A-1-1");
        var clients = new[] { _api.Anonymous(), fan, await _api.Admin() };
        var inputs = new Inputs(document, [eventId, reservationId]);

        var failures = new List<string>();
        var sent = 0;
        var statuses = new SortedDictionary<int, int>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancellation) =>
        {
            var random = new Random(HashCode.Combine(seed, i));
            var (path, method, operation) = operations[i % operations.Count];
            using var request = inputs.Request(random, path, method, operation);
            var what = $"{method} {request.RequestUri}";
            try
            {
                using var response = await clients[random.Next(clients.Length)].SendAsync(request, cancellation);
                var status = (int)response.StatusCode;
                lock (statuses) statuses[status] = statuses.GetValueOrDefault(status) + 1;
                var body = await response.Content.ReadAsStringAsync(cancellation);
                if (status >= 500) lock (failures) failures.Add($"{what} answered {status}: {body}");
                else if (status >= 400 && body.Length > 0 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    lock (failures) failures.Add($"{what} answered {status} as {response.Content.Headers.ContentType}: {body}");
            }
            catch (ContractViolationException e)
            {
                lock (failures) failures.Add($"{what}: {e.Message}");
            }
            Interlocked.Increment(ref sent);
        });

        output.WriteLine($"{sent} requests over {operations.Count} operations; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(sent >= Requests);
        Assert.True(failures.Count == 0, $"FUZZ_SEED={seed}: {failures.Count} failures, e.g.\n{string.Join("\n", failures.Take(10))}");
    }

    /// <summary>Values drawn from the document's schemas, often of the wrong kind on purpose.</summary>
    private sealed class Inputs(JsonObject document, string[] realIds)
    {
        private static readonly string[] Strings =
        [
            "", " ", "a", "A-1-1", "GA", "A", "tok_visa", "tok_decline", "-1", "0", "NaN", "null", "true", "1e309",
            "9999-12-31", "0001-01-01", "2026-02-30", "9999-12-31T23:59:59Z", "2000-01-01T00:00:00+14:00",
            "ｆan@example.com", "fan@example.com", "password", "        ", "\u0000", "\ud800", "😀", "../../etc/passwd",
            "<script>alert(1)</script>", "' OR 1=1 --", "%", "evt_", "res_x_1", new string('x', 300), new string('é', 3000),
        ];

        private static readonly JsonNode?[] Numbers =
        [
            0, 1, -1, 2, 8, 10, 11, 1000, 1001, int.MaxValue, int.MinValue, long.MaxValue, 0.5, -0.5, 1e308, -1e308, decimal.MaxValue,
        ];

        public HttpRequestMessage Request(Random random, string template, string method, JsonObject operation)
        {
            var path = template;
            var query = new List<string>();
            var request = new HttpRequestMessage(new HttpMethod(method), "/");
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                var name = parameter!["name"]!.GetValue<string>();
                var where = parameter["in"]!.GetValue<string>();
                if (where != "path" && random.Next(4) == 0) continue;
                var value = Text(random, parameter["schema"]);
                switch (where)
                {
                    // The in-process test host refuses a NUL in a path before the app sees it (Kestrel answers 400 itself).
                    case "path": path = path.Replace("{" + name + "}", Uri.EscapeDataString(value.Length == 0 ? "x" : value.Replace('\0', 'x')), StringComparison.Ordinal); break;
                    case "query": query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}"); break;
                    case "header": request.Headers.TryAddWithoutValidation(name, Ascii(value)); break;
                }
            }
            if (random.Next(5) == 0) query.Add($"{Pick(random, ["page", "pageSize", "text", "city", "from", "to", "sort", "x"])}={Uri.EscapeDataString(Text(random, null))}");
            request.RequestUri = new Uri(path + (query.Count > 0 ? "?" + string.Join("&", query) : ""), UriKind.Relative);

            if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema || method is "POST" or "PUT")
            {
                var body = random.Next(10) switch
                {
                    0 => Pick(random, ["{", "[]", "null", "\"x\"", "{\"a\":}", "", "{\"eventId\":\"" + realIds[0] + "\",\"quantity\":1e999}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"]),
                    _ => Value(random, operation["requestBody"]?["content"]?["application/json"]?["schema"], 0)?.ToJsonString() ?? "null",
                };
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }
            return request;
        }

        private string Text(Random random, JsonNode? schema)
        {
            if (random.Next(3) == 0) return Pick(random, realIds);
            var value = Value(random, schema, 0);
            return value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
        }

        private JsonNode? Value(Random random, JsonNode? schema, int depth)
        {
            schema = Resolve(schema);
            if (schema?["oneOf"] is JsonArray oneOf) schema = Resolve(oneOf[random.Next(oneOf.Count)]);
            var types = schema?["type"] switch
            {
                JsonArray array => array.Select(t => t!.GetValue<string>()).ToArray(),
                JsonValue one => [one.GetValue<string>()],
                _ => schema?["properties"] is not null ? ["object"] : schema?["enum"] is not null ? ["enum"] : ["string"],
            };
            // One value in five is of a kind the schema does not ask for.
            var type = random.Next(5) == 0 ? Pick(random, ["string", "integer", "number", "boolean", "array", "object", "null"]) : Pick(random, types);
            if (depth > 4 && type is "array" or "object") type = "string";
            return type switch
            {
                "enum" => schema!["enum"]!.AsArray()[random.Next(schema["enum"]!.AsArray().Count)]?.DeepClone(),
                "integer" or "number" => Pick(random, Numbers)?.DeepClone(),
                "boolean" => random.Next(2) == 0,
                "null" => null,
                "array" => new JsonArray(Enumerable.Range(0, random.Next(6) == 0 ? 300 : random.Next(4)).Select(_ => Value(random, schema?["items"], depth + 1)).ToArray()),
                "object" => Object(random, schema, depth),
                _ => Pick(random, realIds.Concat(Strings).ToArray()),
            };
        }

        private JsonObject Object(Random random, JsonNode? schema, int depth)
        {
            var result = new JsonObject();
            foreach (var (name, property) in schema?["properties"]?.AsObject() ?? [])
            {
                if (random.Next(10) < 8) result[name] = Value(random, property, depth + 1);
            }
            if (random.Next(8) == 0) result["unexpected"] = Pick(random, Strings);
            return result;
        }

        private JsonNode? Resolve(JsonNode? schema)
        {
            for (var i = 0; i < 10 && schema?["$ref"] is JsonValue reference; i++)
            {
                schema = document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]];
            }
            return schema;
        }

        private static string Ascii(string value) => new(value.Where(c => c is >= ' ' and < (char)127).ToArray());

        private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
    }
}
