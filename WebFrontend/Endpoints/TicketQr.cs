using QRCoder;

namespace TicketMaster.WebFrontend.Endpoints;

/// <summary>A ticket's code as a QR code in SVG (QRCoder; error correction Q, quiet zone, scalable by viewBox).</summary>
public static class TicketQr
{
    public const string ContentType = "image/svg+xml";

    public static string Svg(string code)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(code, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
