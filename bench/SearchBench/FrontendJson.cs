using System.Text.Json;
using System.Text.Json.Serialization;
using TicketMaster.Hosting;

namespace TicketMaster.Bench.Search;

/// <summary>The JSON options WebFrontend's Program.cs gives its endpoints, so the bench's answers are the bytes a frontend sends.</summary>
public static class FrontendJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        return options;
    }
}
