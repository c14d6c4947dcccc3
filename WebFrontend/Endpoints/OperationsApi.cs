namespace TicketMaster.WebFrontend.Endpoints;

public static class OperationsApi
{
    public static IEndpointRouteBuilder MapOperationsApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new() { Predicate = check => check.Tags.Contains("live") }).WithTags("Operations");
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains("ready") }).WithTags("Operations");
        return app;
    }
}
