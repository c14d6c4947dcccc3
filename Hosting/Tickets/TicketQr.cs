using QRCoder;

namespace TicketMaster.Hosting.Tickets;

/// <summary>
/// A ticket's code as a QR code (QRCoder; error correction Q, quiet zone): SVG for the web pages,
/// PNG for mail, whose clients do not all show SVG. One place, so the door scans the same code from both.
/// </summary>
public static class TicketQr
{
    public const string ContentType = "image/svg+xml";

    public static string Svg(string code)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(code, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    public static byte[] Png(string code)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(code, QRCodeGenerator.ECCLevel.Q);
        return new PngByteQRCode(data).GetGraphic(6);
    }
}
