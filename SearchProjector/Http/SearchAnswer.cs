using System.Text.Encodings.Web;
using System.Text.Json;

namespace TicketMaster.SearchProjector.Http;

/// <summary>
/// A search answer as the endpoint sends it (UTF-8 JSON, shared between requests: do not change it), with where each
/// item's availability stands in those bytes. The request cache keeps answers this way, so that the availability an
/// answer shows is the one held when it is sent (<see cref="AvailabilityTable"/>): a flip rewrites those few bytes
/// instead of throwing the answer away. Splicing a cached answer costs a copy of its bytes, where rendering it again
/// from the engine's results would cost the serializer; an answer whose items all still show what is held is sent as it is.
/// </summary>
public sealed class SearchAnswer
{
    private readonly string[] _eventIds;
    private readonly string[] _shown;

    /// <summary>Where each item's availability value starts in <see cref="Json"/> (inside its quotes), and its length in bytes.</summary>
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly JavaScriptEncoder? _encoder;

    private SearchAnswer(byte[] json, string[] eventIds, string[] shown, int[] starts, int[] lengths, JavaScriptEncoder? encoder)
    {
        Json = json;
        _eventIds = eventIds;
        _shown = shown;
        _starts = starts;
        _lengths = lengths;
        _encoder = encoder;
    }

    public byte[] Json { get; }

    /// <summary>Rough bytes held: the JSON and what locates each item's availability in it.</summary>
    public int EstimatedBytes => Json.Length + 100 + 24 * _eventIds.Length;

    /// <summary>
    /// <paramref name="json"/>, rendered with <paramref name="options"/> from results whose items are <paramref name="eventIds"/>
    /// in order, read once to find each item's availability value.
    /// </summary>
    public static SearchAnswer Of(byte[] json, IReadOnlyList<string> eventIds, JsonSerializerOptions options)
    {
        var itemsName = Name(nameof(SearchResponse.Items), options);
        var availabilityName = Name(nameof(SearchResponseItem.Availability), options);
        var shown = new string[eventIds.Count];
        var starts = new int[eventIds.Count];
        var lengths = new int[eventIds.Count];
        var found = 0;
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isItems = reader.ValueTextEquals(itemsName);
            reader.Read();
            if (!isItems)
            {
                reader.Skip();
                continue;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isAvailability = reader.ValueTextEquals(availabilityName);
                    reader.Read();
                    if (!isAvailability || found >= eventIds.Count)
                    {
                        reader.Skip();
                        continue;
                    }
                    shown[found] = reader.GetString()!;
                    starts[found] = (int)reader.TokenStartIndex + 1;
                    lengths[found] = reader.ValueSpan.Length;
                    found++;
                }
            }
        }
        if (found != eventIds.Count) throw new InvalidOperationException($"The answer shows {found} availability values for {eventIds.Count} items.");
        return new SearchAnswer(json, [.. eventIds], shown, starts, lengths, options.Encoder);
    }

    /// <summary>This answer when every item shows the availability <paramref name="table"/> holds, else a copy that does.</summary>
    public SearchAnswer Showing(AvailabilityTable table)
    {
        if (table.Changed(_eventIds, _shown) is not { } current) return this;
        var values = new byte[current.Length][];
        var length = Json.Length;
        for (var i = 0; i < current.Length; i++)
        {
            // Encoded as the serializer encodes a string value, so the bytes equal a fresh rendering's.
            values[i] = JsonEncodedText.Encode(current[i], _encoder).EncodedUtf8Bytes.ToArray();
            length += values[i].Length - _lengths[i];
        }
        var json = new byte[length];
        var starts = new int[current.Length];
        var lengths = new int[current.Length];
        int from = 0, to = 0;
        for (var i = 0; i < current.Length; i++)
        {
            var before = _starts[i] - from;
            Json.AsSpan(from, before).CopyTo(json.AsSpan(to));
            to += before;
            values[i].CopyTo(json.AsSpan(to));
            starts[i] = to;
            lengths[i] = values[i].Length;
            to += values[i].Length;
            from = _starts[i] + _lengths[i];
        }
        Json.AsSpan(from).CopyTo(json.AsSpan(to));
        return new SearchAnswer(json, _eventIds, current, starts, lengths, _encoder);
    }

    private static string Name(string property, JsonSerializerOptions options) => options.PropertyNamingPolicy?.ConvertName(property) ?? property;
}
