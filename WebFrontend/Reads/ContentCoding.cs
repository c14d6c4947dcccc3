namespace TicketMaster.WebFrontend.Reads;

/// <summary>The forms a body is sent in (<c>Content-Encoding</c>).</summary>
public enum ContentCoding
{
    Identity,
    Brotli,
    Gzip,
}
