using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>
/// The service's own OpenAPI document as a checker: every answer the tests' clients receive from
/// /api must be an operation the document lists, with a status it lists, and a JSON body that its
/// schema accepts. A mismatch fails the request in whichever test made it.
/// </summary>
public sealed class ContractCheck
{
    private readonly JsonObject _document;
    private readonly List<(string Method, Regex Path, JsonObject Operation, string Template)> _operations = [];
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    public ContractCheck(string openApiJson)
    {
        _document = JsonNode.Parse(openApiJson)!.AsObject();
        foreach (var (template, item) in _document["paths"]!.AsObject())
        {
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$");
            foreach (var (method, operation) in item!.AsObject()) _operations.Add((method.ToUpperInvariant(), pattern, operation!.AsObject(), template));
        }
    }

    /// <summary>How many answers were checked, so a test can tell the checker ran.</summary>
    public int Checked => _checked;

    private int _checked;

    /// <returns>Null when the answer matches the document, else what is wrong.</returns>
    public string? Violation(string method, string path, int status, string? mediaType, string body)
    {
        if (!path.StartsWith("/api/", StringComparison.Ordinal)) return null;
        Interlocked.Increment(ref _checked);
        var match = _operations.FirstOrDefault(o => o.Method == method && o.Path.IsMatch(path));
        // A path the document does not have may only be refused.
        if (match.Operation is null) return status is 404 or 405 ? null : $"{method} {path} is not in the OpenAPI document but answered {status}";
        var where = $"{method} {match.Template} answered {status}";
        if (match.Operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not JsonObject response)
        {
            return $"{where}, a status the document does not list";
        }
        if (body.Length == 0 || mediaType is null || !mediaType.Contains("json", StringComparison.Ordinal)) return null;
        if (response["content"]?[mediaType]?["schema"] is not JsonNode schemaNode) return $"{where} as {mediaType}, which the document does not list for it";

        var schema = _schemas.GetOrAdd(schemaNode.ToJsonString(), Build);
        using var json = JsonDocument.Parse(body);
        var result = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return null;
        var errors = (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(5);
        return $"{where} with a body its schema refuses: {string.Join("; ", errors)}\n{body[..Math.Min(body.Length, 500)]}";
    }

    /// <summary>The response schema with the document's components as $defs, so its $refs resolve.</summary>
    private JsonSchema Build(string schemaJson)
    {
        var root = JsonNode.Parse(schemaJson.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!.AsObject();
        var defs = JsonNode.Parse(_document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal));
        root["$defs"] = defs;
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        return JsonSchema.FromText(root.ToJsonString());
    }
}

/// <summary>Puts every answer through the <see cref="ContractCheck"/>; a violation throws.</summary>
public sealed class ContractCheckingHandler(Func<ContractCheck> check) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var violation = check().Violation(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        if (violation is not null) throw new ContractViolationException(violation);
        return response;
    }
}

public sealed class ContractViolationException(string message) : Exception(message);
