using System.Net;
using System.Text;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>Every endpoint answers bad input with a 400 problem+json that names the field; nothing is a 500.</summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    public enum Caller { Anonymous, Fan, Admin }

    public static TheoryData<string, string, string?, Caller, string> Cases => new()
    {
        { "POST", "/api/v1/auth/register", "{}", Caller.Anonymous, "email" },
        { "POST", "/api/v1/auth/register", """{"email":"not-an-email","password":"plum-orbit-71","displayName":"A"}""", Caller.Anonymous, "email" },
        { "POST", "/api/v1/auth/register", """{"email":"a@example.com","password":"short","displayName":"A"}""", Caller.Anonymous, "password" },
        { "POST", "/api/v1/auth/register", """{"email":"a@example.com","password":"plum-orbit-71"}""", Caller.Anonymous, "displayName" },
        { "POST", "/api/v1/auth/register", """{"email":5,"password":"plum-orbit-71","displayName":"A"}""", Caller.Anonymous, "email" },
        { "POST", "/api/v1/auth/register", "this is not json", Caller.Anonymous, "body" },
        { "POST", "/api/v1/auth/register", null, Caller.Anonymous, "body" },
        { "POST", "/api/v1/auth/token", """{"email":"a@example.com"}""", Caller.Anonymous, "password" },
        { "POST", "/api/v1/auth/token", """{"password":"plum-orbit-71"}""", Caller.Anonymous, "email" },
        { "POST", "/api/v1/venues", "{}", Caller.Admin, "name" },
        { "POST", "/api/v1/venues", """{"name":"V","city":"C","address":"A"}""", Caller.Admin, "sections" },
        { "POST", "/api/v1/venues", """{"name":"V","address":"A","sections":[{"sectionId":"A","name":"A","capacity":5}]}""", Caller.Admin, "city" },
        { "POST", "/api/v1/venues", """{"name":"V","city":"C","sections":[{"sectionId":"A!","name":"A","capacity":5}]}""", Caller.Admin, "sections[0].sectionId" },
        { "POST", "/api/v1/venues", """{"name":"V","city":"C","sections":[{"sectionId":"A","name":"A","rows":0,"seatsPerRow":5}]}""", Caller.Admin, "sections[0].rows" },
        { "POST", "/api/v1/venues", """{"name":"V","city":"C","sections":[{"sectionId":"A","name":"A","rows":2}]}""", Caller.Admin, "sections[0].seatsPerRow" },
        { "POST", "/api/v1/venues", """{"name":"V","city":"C","sections":[{"sectionId":"A","name":"A","capacity":-1}]}""", Caller.Admin, "sections[0].capacity" },
        { "POST", "/api/v1/venues", """{"name":"V","city":"C","sections":[{"sectionId":"A","name":"A","capacity":5,"rows":1,"seatsPerRow":5}]}""", Caller.Admin, "sections[0]" },
        { "POST", "/api/v1/venues", """{"name":"V","city":"C","sections":[{"sectionId":"A","name":"A","capacity":5},{"sectionId":"A","name":"B","capacity":5}]}""", Caller.Admin, "sections[1].sectionId" },
        { "POST", "/api/v1/venues", """{"name":"V","city":"C","sections":[{"sectionId":"A","name":"A","rows":"two","seatsPerRow":5}]}""", Caller.Admin, "sections[0].rows" },
        { "POST", "/api/v1/performers", """{"name":"P"}""", Caller.Admin, "genre" },
        { "POST", "/api/v1/events", "{}", Caller.Admin, "name" },
        { "POST", "/api/v1/events", """{"name":"E","category":"concert","startsAt":"next friday","venueId":"v","prices":[]}""", Caller.Admin, "startsAt" },
        { "POST", "/api/v1/events", """{"name":"E","category":"concert","venueId":"v","prices":[]}""", Caller.Admin, "startsAt" },
        { "POST", "/api/v1/events", """{"name":"E","category":"concert","startsAt":"2030-01-01T20:00:00Z","venueId":"v"}""", Caller.Admin, "prices" },
        { "POST", "/api/v1/events", """{"name":"E","category":"concert","startsAt":"2030-01-01T20:00:00Z","venueId":"ven_unknown","prices":[{"sectionId":"A","price":1,"currency":"USD"}]}""", Caller.Admin, "venueId" },
        { "POST", "/api/v1/events", """{"name":"E","category":"concert","startsAt":"2030-01-01T20:00:00Z","venueId":"v","prices":[{"sectionId":"A","price":-1,"currency":"USD"}]}""", Caller.Admin, "prices[0].price" },
        { "POST", "/api/v1/events", """{"name":"E","category":"concert","startsAt":"2030-01-01T20:00:00Z","venueId":"v","prices":[{"sectionId":"A","price":1,"currency":"usd"}]}""", Caller.Admin, "prices[0].currency" },
        { "POST", "/api/v1/events", "{VENUE_EVENT_MISSING_PRICE}", Caller.Admin, "prices" },
        { "POST", "/api/v1/events", "{VENUE_EVENT_UNKNOWN_PERFORMER}", Caller.Admin, "performerIds" },
        { "PUT", "/api/v1/events/{event}", "{}", Caller.Admin, "name" },
        { "GET", "/api/v1/view", null, Caller.Anonymous, "event_id" },
        { "GET", "/api/v1/view?event_id=", null, Caller.Anonymous, "event_id" },
        { "GET", "/api/v1/view?event_id=a%20b%3C", null, Caller.Anonymous, "event_id" },
        { "GET", "/api/v1/events/{event}/seats?section=!!", null, Caller.Anonymous, "section" },
        { "POST", "/api/v1/reserve", "{}", Caller.Fan, "eventId" },
        { "POST", "/api/v1/reserve", """{"eventId":"{event}"}""", Caller.Fan, "sectionId" },
        { "POST", "/api/v1/reserve", """{"eventId":"{event}","seats":[]}""", Caller.Fan, "seats" },
        { "POST", "/api/v1/reserve", """{"eventId":"{event}","seats":["A-1-1","A-1-1"]}""", Caller.Fan, "seats" },
        { "POST", "/api/v1/reserve", """{"eventId":"{event}","seats":["A-1-1","A-1-2","A-1-3","A-1-4","A-1-5","A-1-6","A-1-7","A-1-8","A-1-9","A-1-10","A-2-1"]}""", Caller.Fan, "seats" },
        { "POST", "/api/v1/reserve", """{"eventId":"{event}","seats":["Z-1-1"]}""", Caller.Fan, "seats" },
        { "POST", "/api/v1/reserve", """{"eventId":"{event}","seats":["A-1-1"],"sectionId":"A","quantity":1}""", Caller.Fan, "seats" },
        { "POST", "/api/v1/reserve", """{"eventId":"{event}","sectionId":"A","quantity":0}""", Caller.Fan, "quantity" },
        { "POST", "/api/v1/reserve", """{"eventId":"{event}","sectionId":"A","quantity":11}""", Caller.Fan, "quantity" },
        { "POST", "/api/v1/reserve", """{"eventId":"{event}","sectionId":"A","quantity":"two"}""", Caller.Fan, "quantity" },
        { "POST", "/api/v1/reserve", """{"eventId":"{event}","sectionId":"A","quantity":1,"quantity":9}""", Caller.Fan, "quantity" },
        { "POST", "/api/v1/events/{event}/queue", """{"active":true,"admitPerSecond":1e-300}""", Caller.Admin, "admitPerSecond" },
        { "POST", "/api/v1/reserve", """{"eventId":"{event}","sectionId":"Z","quantity":2}""", Caller.Fan, "sectionId" },
        { "POST", "/api/v1/book", """{"reservationId":"x","payment":{"token":"tok_visa"}}""", Caller.Fan, "Idempotency-Key" },
        { "POST", "/api/v1/book#key", "{}", Caller.Fan, "reservationId" },
        { "POST", "/api/v1/book#key", """{"reservationId":"x.1-aa"}""", Caller.Fan, "payment.token" },
        { "POST", "/api/v1/book#key", """{"reservationId":"x.1-aa","payment":"card"}""", Caller.Fan, "payment" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_a_400_problem_naming_the_field(string method, string path, string? body, Caller caller, string field)
    {
        var eventId = path.Contains("{event}") || body?.Contains("{event}") == true ? await _api.CreateEvent() : "";
        body = body switch
        {
            "{VENUE_EVENT_MISSING_PRICE}" => $$"""{"name":"E","category":"concert","startsAt":"2030-01-01T20:00:00Z","venueId":"{{await VenueId()}}","prices":[{"sectionId":"A","price":1,"currency":"USD"}]}""",
            "{VENUE_EVENT_UNKNOWN_PERFORMER}" => $$"""{"name":"E","category":"concert","startsAt":"2030-01-01T20:00:00Z","venueId":"{{await VenueId()}}","performerIds":["prf_nobody"],"prices":[{"sectionId":"A","price":1,"currency":"USD"},{"sectionId":"GA","price":1,"currency":"USD"}]}""",
            _ => body?.Replace("{event}", eventId, StringComparison.Ordinal),
        };
        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{event}", eventId, StringComparison.Ordinal).Replace("#key", "", StringComparison.Ordinal));
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        if (path.EndsWith("#key", StringComparison.Ordinal)) request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var client = caller switch
        {
            Caller.Admin => await _api.Admin(),
            Caller.Fan => _api.AsNewUser(),
            _ => _api.Anonymous(),
        };

        var problem = await Api.Problem(await client.SendAsync(request), HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.True(errors.Contains(field), $"Expected the field '{field}' in the errors, got: {string.Join(", ", errors)} ({problem["detail"]})");
    }

    private async Task<string> VenueId()
    {
        var eventId = await _api.CreateEvent();
        var view = await Api.Json(await _api.Anonymous().GetAsync($"/api/v1/view?event_id={eventId}"));
        return view["venue"]!["venueId"]!.GetValue<string>();
    }

    [Fact]
    public async Task Garbage_sent_to_every_endpoint_never_causes_a_500()
    {
        var eventId = await _api.CreateEvent();
        string[] bodies = ["", "null", "[]", "{", "\"text\"", "{\"eventId\":null,\"seats\":[null]}", "{\"sections\":[null]}", "{\"prices\":[null],\"performerIds\":[null]}", "{\"payment\":{\"token\":[]}}", new string('x', 70_000)];
        string[] routes = ["POST /api/v1/auth/register", "POST /api/v1/auth/token", "POST /api/v1/venues", "POST /api/v1/performers", "POST /api/v1/events",
            $"PUT /api/v1/events/{eventId}", "POST /api/v1/reserve", "POST /api/v1/book", $"DELETE /api/v1/reserve/{eventId}.x-y", "POST /api/v1/bookings/x/cancel"];
        var admin = await _api.Admin();

        foreach (var route in routes)
        {
            foreach (var body in bodies)
            {
                var parts = route.Split(' ');
                var request = new HttpRequestMessage(new HttpMethod(parts[0]), parts[1]) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("Idempotency-Key", "k");
                var response = await admin.SendAsync(request);
                Assert.True((int)response.StatusCode < 500, $"{route} with '{body[..Math.Min(body.Length, 40)]}' gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }
}
