using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TicketMaster.Hosting;

namespace TicketMaster.WebFrontend.Tests;

public sealed class ProblemExceptionHandlerTests
{
    private static async Task<(HttpContext Context, JsonNode Body, bool Handled)> Handle(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var handler = new ProblemExceptionHandler(services.GetRequiredService<IProblemDetailsService>());

        var handled = await handler.TryHandleAsync(context, exception, CancellationToken.None);

        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (context, text.Length > 0 ? JsonNode.Parse(text)! : new JsonObject(), handled);
    }

    [Fact]
    public async Task A_stale_event_activation_is_a_503_with_retry_after()
    {
        var (context, body, handled) = await Handle(new RetryableException("Event 'e' was changed by another activation; try again."));

        Assert.True(handled);
        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("1", context.Response.Headers.RetryAfter.ToString());
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal(503, body["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_search_index_that_does_not_answer_is_a_503_with_retry_after()
    {
        var (context, body, handled) = await Handle(new TicketMaster.SearchProjector.Elasticsearch.SearchIndexException("A search failed: Elasticsearch answered 503."));

        Assert.True(handled);
        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("1", context.Response.Headers.RetryAfter.ToString());
        Assert.Equal(503, body["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_client_mode_frontend_whose_silo_is_gone_answers_503_with_retry_after_not_500()
    {
        var (context, body, handled) = await Handle(new Orleans.Runtime.Messaging.ConnectionFailedException("Unable to connect to endpoint S127.0.0.1:11111:0."));

        Assert.True(handled);
        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("1", context.Response.Headers.RetryAfter.ToString());
        Assert.Equal(503, body["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unexpected_exceptions_are_left_to_the_default_500()
    {
        var (_, _, handled) = await Handle(new InvalidOperationException("bug"));

        Assert.False(handled);
    }
}
