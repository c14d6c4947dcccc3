using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace TicketMaster.WebFrontend.Hosting;

/// <summary>
/// Makes the OpenAPI document say what the service really answers: the bearer scheme and which
/// operations need it, the statuses every operation can give besides its own (401, 403, 400 for
/// input the binder refuses, 413 and 415 for a body too large or not JSON, 414 and 431 for oversized requests, 429, 503), and fields that may be null as optional, because null
/// fields are left out of the JSON.
/// </summary>
public static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";

    public static WebApplicationBuilder AddTicketMasterOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "The access token from POST /api/v1/auth/token.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                var authorize = metadata.OfType<IAuthorizeData>().ToList();
                var anonymous = metadata.OfType<IAllowAnonymous>().Any();
                operation.Responses ??= [];
                if (authorize.Count > 0 && !anonymous)
                {
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
                    Add(operation, context.Document, StatusCodes.Status401Unauthorized, "No valid access token.");
                    if (authorize.Any(a => a.Policy is not null || a.Roles is not null)) Add(operation, context.Document, StatusCodes.Status403Forbidden, "The caller's role may not do this.");
                }
                if ((operation.Parameters?.Count ?? 0) > 0 || operation.RequestBody is not null)
                {
                    Add(operation, context.Document, StatusCodes.Status400BadRequest, "The request is not valid; the problem names the field.", "HttpValidationProblemDetails");
                }
                if (operation.RequestBody is not null)
                {
                    Add(operation, context.Document, StatusCodes.Status413PayloadTooLarge, "The body is larger than the service accepts.");
                    Add(operation, context.Document, StatusCodes.Status415UnsupportedMediaType, "The body is not sent as application/json.");
                }
                Add(operation, context.Document, StatusCodes.Status414RequestUriTooLong, "The request line is longer than the service accepts.");
                Add(operation, context.Document, StatusCodes.Status431RequestHeaderFieldsTooLarge, "The headers are larger than the service accepts.");
                Add(operation, context.Document, StatusCodes.Status429TooManyRequests, "Too many requests; try again after Retry-After.");
                Add(operation, context.Document, StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable; try again after Retry-After.");
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                // Our converter writes DateTimeOffset as an ISO 8601 string; the generator cannot see through it.
                var type = context.JsonTypeInfo.Type;
                if (type == typeof(DateTimeOffset)) schema.Type = JsonSchemaType.String;
                else if (type == typeof(DateTimeOffset?)) schema.Type = JsonSchemaType.String | JsonSchemaType.Null;

                if (schema.Required is { Count: > 0 } required && schema.Properties is { } properties)
                {
                    var nullableValues = context.JsonTypeInfo.Properties
                        .Where(p => Nullable.GetUnderlyingType(p.PropertyType) is not null).Select(p => p.Name).ToHashSet();
                    foreach (var (name, property) in properties)
                    {
                        if (MayBeNull(property) || nullableValues.Contains(name)) required.Remove(name);
                    }
                }
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    private static bool MayBeNull(IOpenApiSchema schema) =>
        (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        || (schema.OneOf?.Any(s => s.Type == JsonSchemaType.Null) ?? false)
        || (schema.AnyOf?.Any(s => s.Type == JsonSchemaType.Null) ?? false);

    private static void Add(OpenApiOperation operation, OpenApiDocument? document, int status, string description, string schema = "ProblemDetails")
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key)) return;
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, document) },
            },
        };
    }
}
