using System.Net;
using System.Text.Json.Nodes;

namespace TicketMaster.WebFrontend.Tests;

[Collection(ApiCollection.Name)]
public sealed class OpenApiContractTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task The_document_has_a_bearer_scheme_and_every_protected_operation_requires_it()
    {
        var document = JsonNode.Parse(await _api.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var scheme = document["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());

        var reserve = document["paths"]!["/api/v1/reserve"]!["post"]!;
        Assert.NotNull(reserve["security"]![0]!["Bearer"]);
        foreach (var status in new[] { "201", "400", "401", "404", "409", "428", "429", "503" }) Assert.NotNull(reserve["responses"]![status]);
        var book = document["paths"]!["/api/v1/book"]!["post"]!;
        foreach (var status in new[] { "402", "403", "410", "504" }) Assert.NotNull(book["responses"]![status]);
        Assert.NotNull(document["paths"]!["/api/v1/venues"]!["post"]!["responses"]!["403"]);
        Assert.Null(document["paths"]!["/api/v1/search"]!["get"]!["security"]);
    }

    [Fact]
    public async Task Fields_left_out_when_null_are_not_required_and_say_they_may_be_null()
    {
        var document = JsonNode.Parse(await _api.Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var status = document["components"]!["schemas"]!["QueueStatusResponse"]!;
        var required = status["required"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.DoesNotContain("admissionToken", required);
        Assert.DoesNotContain("expiresAt", required);
        Assert.Contains("null", status["properties"]!["expiresAt"]!["type"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task The_checker_refuses_answers_the_document_does_not_describe()
    {
        await _api.Anonymous().GetStringAsync("/api/v1/search?text=x");
        var check = factory.Contract;
        Assert.True(check.Checked > 0);
        Assert.Null(check.Violation("GET", "/api/v1/performers/prf_1", 200, "application/json", """{"performerId":"prf_1","name":"A","genre":"rock"}"""));
        Assert.NotNull(check.Violation("GET", "/api/v1/performers/prf_1", 200, "application/json", """{"performerId":"prf_1"}"""));
        Assert.NotNull(check.Violation("GET", "/api/v1/performers/prf_1", 200, "application/json", """{"performerId":1,"name":"A","genre":"rock"}"""));
        Assert.NotNull(check.Violation("GET", "/api/v1/performers/prf_1", 418, "application/problem+json", """{"status":418}"""));
        Assert.NotNull(check.Violation("POST", "/api/v1/reserve", 409, "application/problem+json", """{"status":{}}"""));
        Assert.Null(check.Violation("GET", "/api/v1/nowhere", (int)HttpStatusCode.NotFound, "application/problem+json", "{}"));
    }
}
