using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketMaster.Hosting;

/// <summary>Writes times as docs/api.md shows them: ISO-8601 in UTC with a Z (<c>2027-05-01T19:30:00Z</c>).</summary>
public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
