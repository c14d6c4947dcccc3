namespace TicketMaster.WebFrontend.Hosting;

/// <summary>Configuration section <c>ResponseCompression</c>.</summary>
public sealed class ResponseCompressionSettings
{
    public const string Section = "ResponseCompression";

    /// <summary>False sends every answer as is (e.g. behind a proxy or CDN that compresses).</summary>
    public bool Enabled { get; set; } = true;
}
