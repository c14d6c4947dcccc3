using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace TicketMaster.WebFrontend.Tests;

[Collection(ApiCollection.Name)]
public sealed class MadeUpIdTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    private static readonly string[] Kinds = ["EventGrain", "VenueGrain", "PerformerGrain", "BookingGrain", "WaitingRoomGrain", "MemoryJournalGrain"];

    [Fact]
    public async Task Made_up_ids_answer_404_and_leave_no_activations_behind()
    {
        var before = await Activations();
        var anonymous = _api.Anonymous();
        var fan = _api.AsNewUser();
        for (var i = 0; i < 300; i++)
        {
            var id = "x" + Guid.NewGuid().ToString("N");
            await Api.Problem(await anonymous.GetAsync($"/api/v1/performers/prf_{id}"), HttpStatusCode.NotFound);
            await Api.Problem(await anonymous.GetAsync($"/api/v1/venues/ven_{id}"), HttpStatusCode.NotFound);
            await Api.Problem(await anonymous.GetAsync($"/api/v1/view?event_id=evt_{id}"), HttpStatusCode.NotFound);
            await Api.Problem(await anonymous.GetAsync($"/api/v1/events/evt_{id}/seats"), HttpStatusCode.NotFound);
            await Api.Problem(await fan.PostAsJsonAsync("/api/v1/reserve", new { eventId = $"evt_{id}", sectionId = "A", quantity = 1 }), HttpStatusCode.NotFound);
            await Api.Problem(await fan.GetAsync($"/api/v1/bookings/bkg_{id}"), HttpStatusCode.NotFound);
            await Api.Problem(await fan.PostAsync($"/api/v1/bookings/bkg_{id}/cancel", null), HttpStatusCode.NotFound);
            await Api.Problem(await fan.PostAsync($"/api/v1/queue/evt_{id}/join", null), HttpStatusCode.Conflict);
        }

        // 2,400 made-up ids were asked for; the activations drain back to what real things need.
        await Eventually.True(async () => (await Activations()) <= before, TimeSpan.FromSeconds(30),
            $"activations back to {before} (now {await Activations()})");
    }

    private async Task<int> Activations()
    {
        var management = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetSimpleGrainStatistics();
        return statistics.Where(s => Kinds.Contains(s.GrainType.Split(',')[0].Split('.')[^1])).Sum(s => s.ActivationCount);
    }
}
