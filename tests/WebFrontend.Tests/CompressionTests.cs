using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>Brotli and gzip where they are safe and worth it; never for tokens or answers to signed-in requests (BREACH).</summary>
[Collection(ApiCollection.Name)]
public sealed class CompressionTests(ApiFactory factory)
{
    private readonly Api _api = new(factory);

    private static HttpRequestMessage Get(string url, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return request;
    }

    private static async Task<string> Decoded(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var coding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        if (coding is null) return Encoding.UTF8.GetString(bytes);
        using Stream decoder = coding switch
        {
            "br" => new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress),
            "gzip" => new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress),
            _ => throw new InvalidOperationException($"Unexpected coding {coding}."),
        };
        using var reader = new StreamReader(decoder, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [Theory]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0.5, gzip", "gzip")]
    [InlineData("identity", null)]
    [InlineData(null, null)]
    public async Task View_and_seat_map_come_in_the_coding_the_client_prefers_and_decode_to_the_same_json(string? acceptEncoding, string? expected)
    {
        var eventId = await _api.CreateEvent();
        var client = factory.CreateClient();
        foreach (var url in new[] { $"/api/v1/view?event_id={eventId}", $"/api/v1/events/{eventId}/seats" })
        {
            var plain = await client.SendAsync(Get(url, null));
            var response = await client.SendAsync(Get(url, acceptEncoding));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.Equal(await plain.Content.ReadAsStringAsync(), await Decoded(response));
            Assert.Equal(plain.Headers.ETag, response.Headers.ETag);
        }
    }

    [Fact]
    public async Task A_compressed_view_the_client_has_is_a_304()
    {
        var eventId = await _api.CreateEvent();
        var client = factory.CreateClient();
        var first = await client.SendAsync(Get($"/api/v1/view?event_id={eventId}", "br"));

        var again = Get($"/api/v1/view?event_id={eventId}", "br");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/search?text=metallica")]
    public async Task Pages_and_public_json_are_compressed(string url)
    {
        var response = await factory.CreateClient().SendAsync(Get(url, "br, gzip"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", response.Content.Headers.ContentEncoding.Single());
        Assert.NotEmpty(await Decoded(response));
    }

    [Fact]
    public async Task Tokens_the_waiting_room_and_answers_to_signed_in_requests_are_never_compressed()
    {
        var client = factory.CreateClient();
        var eventId = await _api.CreateEvent();
        var token = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { email = ApiFactory.AdminEmail, password = ApiFactory.AdminPassword }),
        };
        token.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        var bookings = Get("/api/v1/bookings", "br, gzip");
        bookings.Headers.Authorization = new("Bearer", await _api.Token(ApiFactory.AdminEmail, ApiFactory.AdminPassword));
        var queue = Get($"/api/v1/queue/{eventId}/status?ticket=made-up", "br, gzip");

        foreach (var request in new[] { token, bookings, queue })
        {
            var response = await client.SendAsync(request);
            Assert.True(response.Content.Headers.ContentEncoding.Count == 0, $"{request.RequestUri}: {(int)response.StatusCode} sent as {string.Join(",", response.Content.Headers.ContentEncoding)}");
        }
    }
}
