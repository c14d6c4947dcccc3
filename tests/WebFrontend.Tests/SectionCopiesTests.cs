using System.Net;
using TicketMaster.WebFrontend.Reads;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>What a frontend keeps of a section's reads: nothing for made-up ids, a few variants of its changes. A factory of its own, so its bytes are these tests' alone.</summary>
public sealed class SectionCopiesTests(ReadsFactory factory) : IClassFixture<ReadsFactory>
{
    private readonly Api _api = new(factory);

    private static string SectionSeats(string eventId, string query = "") => $"/api/v1/events/{eventId}/sections/A/seats{query}";

    private static long VersionOf(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!["version"]!.GetValue<long>();

    [Fact]
    public async Task Made_up_section_ids_answer_404_and_take_no_room_and_a_sections_kept_variants_are_bounded()
    {
        var eventId = await _api.CreateEvent();
        var client = _api.Anonymous();
        var first = await client.GetStringAsync(SectionSeats(eventId));
        var before = factory.Reads.Bytes;

        for (var i = 0; i < 200; i++)
        {
            await Api.Problem(await client.GetAsync($"/api/v1/events/{eventId}/sections/Z{i}/seats"), HttpStatusCode.NotFound);
        }
        Assert.Equal(before, factory.Reads.Bytes);

        // Copies from other epochs each get the whole section, each a variant of the section's changes: a few are kept.
        var sizes = new List<long>();
        for (var epoch = 100; epoch < 100 + 3 * EventReadCache.VariantsKept; epoch++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(SectionSeats(eventId, $"?since={VersionOf(first)}&epoch={epoch}"))).StatusCode);
            sizes.Add(factory.Reads.Bytes);
        }
        Assert.All(sizes.Skip(EventReadCache.VariantsKept), bytes => Assert.Equal(sizes[EventReadCache.VariantsKept - 1], bytes));
    }
}
