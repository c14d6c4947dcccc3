using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace TicketMaster.WebFrontend.Problems;

/// <summary>Problem+json answers with the titles and extra fields docs/api.md names.</summary>
public static class Problem
{
    public static ValidationProblem Invalid(string field, string error) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [error] },
            detail: $"'{field}': {error}", title: "The request is not valid.");

    public static NotFoundProblem NotFound(string detail) =>
        new(Make(StatusCodes.Status404NotFound, "Not found.", detail));

    public static ConflictProblem Conflict(string detail) =>
        new(Make(StatusCodes.Status409Conflict, "Conflict.", detail));

    public static ProblemHttpResult Status(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    private static ProblemDetails Make(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };
}
