namespace TicketMaster.WebFrontend.Problems;

/// <summary>
/// How one domain outcome is answered over HTTP. <see cref="Detail"/> is a composite format whose
/// <c>{0}</c> is the id the client asked about; when it is null the domain's own explanation (which
/// rule, which field) is the detail.
/// </summary>
public sealed record Outcome(int Status, string Title, string? Detail = null);

/// <summary>The answers for every failing value of one domain status enum; endpoints list its statuses in OpenAPI from here too.</summary>
public sealed class OutcomeMap<TStatus> : Dictionary<TStatus, Outcome> where TStatus : struct, Enum
{
    public IEnumerable<int> Statuses => Values.Select(o => o.Status).Distinct();

    /// <param name="subject">The id the client asked about, for the detail's <c>{0}</c>.</param>
    /// <param name="field">The field the domain blames (400s name it; other answers carry it as <c>field</c>).</param>
    /// <param name="explanation">The domain's explanation, used where the outcome has no wording of its own.</param>
    /// <param name="unavailable">Seats that stood in the way; every 409 of a reserve carries the list.</param>
    /// <param name="extensions">Further fields the contract names for this answer (a scan's <c>result</c>).</param>
    public IResult Problem(TStatus status, string subject, string? field = null, string? explanation = null, IReadOnlyList<string>? unavailable = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
    {
        if (!TryGetValue(status, out var outcome)) throw new InvalidOperationException($"No HTTP answer for {typeof(TStatus).Name}.{status}.");
        var detail = outcome.Detail is null ? explanation ?? outcome.Title : string.Format(System.Globalization.CultureInfo.InvariantCulture, outcome.Detail, subject);
        if (outcome.Status == StatusCodes.Status400BadRequest) return Problems.Problem.Invalid(field ?? "body", detail);

        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = outcome.Status, Title = outcome.Title, Detail = detail };
        if (field is not null) problem.Extensions["field"] = field;
        if (unavailable is not null && outcome.Status == StatusCodes.Status409Conflict) problem.Extensions["unavailable"] = unavailable;
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>()) problem.Extensions[name] = value;
        return TypedResults.Problem(problem);
    }
}

public static class OutcomeMetadata
{
    /// <summary>Documents every status the map can answer with as a problem+json response.</summary>
    public static RouteHandlerBuilder ProducesOutcomes<TStatus>(this RouteHandlerBuilder endpoint, OutcomeMap<TStatus> map) where TStatus : struct, Enum
    {
        foreach (var status in map.Statuses)
        {
            if (status == StatusCodes.Status400BadRequest) endpoint.ProducesValidationProblem();
            else endpoint.ProducesProblem(status);
        }
        return endpoint;
    }
}
