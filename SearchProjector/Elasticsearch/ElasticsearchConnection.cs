using System.Data.Common;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;

namespace TicketMaster.SearchProjector.Elasticsearch;

/// <summary>
/// <c>ConnectionStrings:Elasticsearch</c>: either a bare URL (<c>https://search:9200</c>) or
/// <c>Url=...;ApiKey=...</c>, <c>Url=...;Username=...;Password=...</c>, or <c>CloudId=...;ApiKey=...</c>.
/// </summary>
public sealed record ElasticsearchConnection(Uri? Url, string? CloudId, string? ApiKey, string? Username, string? Password)
{
    public const string Key = "ConnectionStrings:Elasticsearch";
    public const string Name = "Elasticsearch";

    /// <summary>Parses a connection string; the error names the key and what is wrong, for a start that stops with it.</summary>
    public static bool TryParse(string? value, out ElasticsearchConnection? connection, out string? error)
    {
        connection = null;
        error = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = $"{Key} is required when Search:Engine is Elasticsearch.";
            return false;
        }

        if (!value.Contains('=', StringComparison.Ordinal))
        {
            if (!IsHttpUrl(value.Trim(), out var bare))
            {
                error = $"{Key} must be an http(s) URL or 'Url=...;ApiKey=...' pairs.";
                return false;
            }
            connection = new ElasticsearchConnection(bare, null, null, null, null);
            return true;
        }

        var parts = new DbConnectionStringBuilder();
        try
        {
            parts.ConnectionString = value;
        }
        catch (ArgumentException)
        {
            error = $"{Key} is not a valid 'Name=value;...' connection string.";
            return false;
        }
        foreach (string name in parts.Keys)
        {
            if (name is not ("url" or "cloudid" or "apikey" or "username" or "password"))
            {
                error = $"{Key} has an unknown part '{name}': use Url, CloudId, ApiKey, Username, Password.";
                return false;
            }
        }

        var urlText = Part(parts, "url");
        var cloudId = Part(parts, "cloudid");
        var apiKey = Part(parts, "apikey");
        var username = Part(parts, "username");
        var password = Part(parts, "password");

        Uri? url = null;
        if ((urlText is null) == (cloudId is null))
        {
            error = $"{Key} needs exactly one of Url and CloudId.";
            return false;
        }
        if (urlText is not null && !IsHttpUrl(urlText, out url))
        {
            error = $"{Key}: Url must be an http(s) URL.";
            return false;
        }
        if ((username is null) != (password is null))
        {
            error = $"{Key}: Username and Password go together.";
            return false;
        }
        if (apiKey is not null && username is not null)
        {
            error = $"{Key}: give either ApiKey or Username and Password, not both.";
            return false;
        }
        if (cloudId is not null && apiKey is null && username is null)
        {
            error = $"{Key}: a CloudId needs an ApiKey or Username and Password.";
            return false;
        }
        connection = new ElasticsearchConnection(url, cloudId, apiKey, username, password);
        return true;
    }

    public static ElasticsearchConnection Parse(string? value) =>
        TryParse(value, out var connection, out var error) ? connection! : throw new InvalidOperationException(error);

    /// <summary>Client settings for this connection; <paramref name="invoker"/> replaces the HTTP layer (tests).</summary>
    public ElasticsearchClientSettings Settings(IRequestInvoker? invoker = null)
    {
        AuthorizationHeader? authentication = ApiKey is not null
            ? new ApiKey(ApiKey)
            : Username is not null ? new BasicAuthentication(Username, Password!) : null;
        NodePool pool = CloudId is not null
            ? new CloudNodePool(CloudId, authentication!)
            : new SingleNodePool(Url!);
        var settings = invoker is null ? new ElasticsearchClientSettings(pool) : new ElasticsearchClientSettings(pool, invoker);
        if (authentication is not null && CloudId is null) settings.Authentication(authentication);
        // Typed errors are read from the response; a failed call never throws from the client itself.
        return settings;
    }

    private static string? Part(DbConnectionStringBuilder parts, string name) =>
        parts.TryGetValue(name, out var value) && value is string text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static bool IsHttpUrl(string text, out Uri? url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url) && url.Scheme is "http" or "https";
}
