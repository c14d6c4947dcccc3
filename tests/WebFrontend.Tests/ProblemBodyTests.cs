using System.Net;
using System.Net.Http.Json;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>
/// The answers the framework gives before any endpoint runs are problems like ours: type, title,
/// status and detail (<see cref="Api.Problem"/> checks the four), and the statuses are in the OpenAPI
/// document (the checked client fails on any it does not list).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ProblemBodyTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    [Fact]
    public async Task An_unknown_path_is_a_404_problem() =>
        await Api.Problem(await _api.Anonymous().GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound);

    [Fact]
    public async Task A_method_the_path_does_not_answer_is_a_405_problem() =>
        await Api.Problem(await _api.Anonymous().DeleteAsync("/api/v1/view"), HttpStatusCode.MethodNotAllowed);

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem_the_document_declares()
    {
        using var body = new StringContent("eventId=evt_1", System.Text.Encoding.UTF8, "text/plain");
        await Api.Problem(await _api.AsNewUser().PostAsync("/api/v1/reserve", body), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task No_token_is_a_401_problem() =>
        await Api.Problem(await _api.Anonymous().PostAsJsonAsync("/api/v1/reserve", new { eventId = "evt_1", seats = new[] { "A-1-1" } }), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_role_that_may_not_is_a_403_problem() =>
        await Api.Problem(await _api.AsNewUser().PutAsJsonAsync("/api/v1/users/u_someone/roles", new { roles = new[] { "organiser" } }), HttpStatusCode.Forbidden);
}
