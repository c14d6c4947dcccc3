using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using MimeKit;
using MimeKit.Utils;
using TicketMaster.Events;
using TicketMaster.Hosting.Tickets;
using TicketMaster.Mail;

namespace TicketMaster.Hosting.Mail;

/// <summary>
/// Turns an outbox mail into a message: plain text plus simple HTML, tickets' QR codes as inline
/// PNG parts (no remote images, which mail clients block and which would tell a tracker who opened it).
/// The Message-ID is derived from the mail id, so every try of one mail carries the same one.
/// </summary>
public sealed class MailComposer(SmtpSettings smtp, MailSenderSettings settings)
{
    private readonly MailboxAddress _from = MailboxAddress.Parse(smtp.From);

    /// <summary>The Message-ID of <paramref name="mailId"/> (without angle brackets): a hash, so it reveals nothing of the booking.</summary>
    public string MessageIdOf(string mailId)
    {
        var domain = _from.Domain is { Length: > 0 } d ? d : "ticketmaster.localhost";
        return $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(mailId)).AsSpan(0, 16))}@{domain}";
    }

    public MimeMessage Compose(OutboxMail mail)
    {
        var message = new MimeMessage { MessageId = MessageIdOf(mail.MailId), Date = mail.QueuedAt };
        message.From.Add(_from);
        message.To.Add(MailboxAddress.Parse(mail.To));
        var body = new BodyBuilder();
        switch (mail.Content)
        {
            case BookingConfirmedMail confirmed:
                message.Subject = $"Your tickets for {confirmed.Event.Name}";
                Tickets(body, confirmed.Event, confirmed.BookingId, confirmed.Sale, $"You're going to {confirmed.Event.Name}!", paid: true);
                break;
            case TicketsReceivedMail received:
                message.Subject = $"Tickets for {received.Event.Name} were passed on to you";
                Tickets(body, received.Event, received.BookingId, received.Sale, $"Someone passed you tickets for {received.Event.Name}!", paid: false);
                break;
            case EventMovedMail moved:
                Move(message, body, moved);
                break;
            case EventCancelledMail cancelled:
                Cancellation(message, body, cancelled);
                break;
            case BookingCancelledMail own:
                OwnCancellation(message, body, own);
                break;
            case WaitlistOfferMail offer:
                Offer(message, body, offer);
                break;
            case PasswordResetMail reset:
                Reset(message, body, reset);
                break;
            default:
                throw new InvalidOperationException($"No template for {mail.Content.GetType().Name}.");
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>A message with tickets: a confirmation, or tickets received (which show no price: the receiver paid nothing).</summary>
    private static void Tickets(BodyBuilder body, MailEvent e, string bookingId, SaleView sale, string headline, bool paid)
    {
        var when = When(e.StartsAt);
        var where = string.Join(", ", new[] { e.Venue, e.Address, e.City }.Where(s => s.Length > 0));
        var text = new StringBuilder()
            .AppendLine(headline)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"When:    {when}")
            .AppendLine(CultureInfo.InvariantCulture, $"Where:   {where}")
            .AppendLine(CultureInfo.InvariantCulture, $"Booking: {bookingId}");
        var amount = Amount(sale.Total, sale.Currency);
        if (paid) text.AppendLine(CultureInfo.InvariantCulture, $"Paid:    {amount}");
        text.AppendLine().AppendLine("Your tickets (show the code at the door; each one admits once):");
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<h1>{H(headline)}</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p><b>When:</b> {H(when)}<br><b>Where:</b> {H(where)}<br><b>Booking:</b> {H(bookingId)}")
            .Append(paid ? $"<br><b>Paid:</b> {H(amount)}</p>" : "</p>")
            .Append("<p>Show a code at the door; each one admits once.</p>");
        foreach (var ticket in sale.Tickets)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  Seat {ticket.SeatId}  code {ticket.Code}");
            var image = body.LinkedResources.Add($"ticket-{ticket.TicketId}.png", TicketQr.Png(ticket.Code), new ContentType("image", "png"));
            image.ContentId = MimeUtils.GenerateMessageId();
            html.Append(CultureInfo.InvariantCulture,
                $"<div style=\"margin:1em 0\"><p><b>Seat {H(ticket.SeatId)}</b><br><code>{H(ticket.Code)}</code></p><img src=\"cid:{image.ContentId}\" alt=\"QR code of ticket {H(ticket.Code)}\" width=\"180\" height=\"180\"></div>");
        }
        text.AppendLine().AppendLine("Enjoy the show.").AppendLine("TicketMaster");
        html.Append("<p>Enjoy the show.<br>TicketMaster</p>");
        body.TextBody = text.ToString();
        body.HtmlBody = html.ToString();
    }

    private static void Move(MimeMessage message, BodyBuilder body, EventMovedMail mail)
    {
        var e = mail.Event;
        message.Subject = $"{e.Name} has a new date: {When(e.StartsAt)}";
        body.TextBody = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{e.Name} at {e.Venue} moved.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"It was: {When(mail.PreviousStartsAt)}")
            .AppendLine(CultureInfo.InvariantCulture, $"It is now: {When(e.StartsAt)}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Your tickets (booking {mail.BookingId}) stay valid for the new date; there is nothing you need to do.")
            .AppendLine("TicketMaster")
            .ToString();
        body.HtmlBody = $"<p><b>{H(e.Name)}</b> at {H(e.Venue)} moved.</p>"
            + $"<p>It was: {H(When(mail.PreviousStartsAt))}<br>It is now: <b>{H(When(e.StartsAt))}</b></p>"
            + $"<p>Your tickets (booking {H(mail.BookingId)}) stay valid for the new date; there is nothing you need to do.<br>TicketMaster</p>";
    }

    private static void Cancellation(MimeMessage message, BodyBuilder body, EventCancelledMail mail)
    {
        var e = mail.Event;
        message.Subject = $"{e.Name} is cancelled: your money is on its way back";
        var amount = Amount(mail.Sale.Total, mail.Sale.Currency);
        var seats = SeatList(mail.Sale.Seats);
        body.TextBody = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"We are sorry: the organiser cancelled {e.Name} ({When(e.StartsAt)}, {e.Venue}).")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Booking {mail.BookingId} (seats {seats}) is refunded: {amount} goes back the way you paid.")
            .AppendLine("Its tickets no longer admit anyone; there is nothing you need to do.")
            .AppendLine()
            .AppendLine("TicketMaster")
            .ToString();
        body.HtmlBody = $"<p>We are sorry: the organiser cancelled <b>{H(e.Name)}</b> ({H(When(e.StartsAt))}, {H(e.Venue)}).</p>"
            + $"<p>Booking {H(mail.BookingId)} (seats {H(seats)}) is refunded: <b>{H(amount)}</b> goes back the way you paid.</p>"
            + "<p>Its tickets no longer admit anyone; there is nothing you need to do.<br>TicketMaster</p>";
    }

    /// <summary>The fan's own cancellation, sent once its refund went through: the money is what they wait for.</summary>
    private static void OwnCancellation(MimeMessage message, BodyBuilder body, BookingCancelledMail mail)
    {
        var e = mail.Event;
        message.Subject = $"Your booking for {e.Name} is cancelled: your money is on its way back";
        var amount = Amount(mail.Sale.Total, mail.Sale.Currency);
        var seats = SeatList(mail.Sale.Seats);
        body.TextBody = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"You cancelled booking {mail.BookingId} for {e.Name} ({When(e.StartsAt)}, {e.Venue}).")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Seats {seats}: {amount} goes back the way you paid. Your bank may take a few days to show it.")
            .AppendLine("Its tickets no longer admit anyone, and the seats are back on sale.")
            .AppendLine()
            .AppendLine("TicketMaster")
            .ToString();
        body.HtmlBody = $"<p>You cancelled booking {H(mail.BookingId)} for <b>{H(e.Name)}</b> ({H(When(e.StartsAt))}, {H(e.Venue)}).</p>"
            + $"<p>Seats {H(seats)}: <b>{H(amount)}</b> goes back the way you paid. Your bank may take a few days to show it.</p>"
            + "<p>Its tickets no longer admit anyone, and the seats are back on sale.<br>TicketMaster</p>";
    }

    /// <summary>Seats the waitlist holds for the fan: until when, and where to pay (the event's page takes the hold up).</summary>
    private void Offer(MimeMessage message, BodyBuilder body, WaitlistOfferMail mail)
    {
        var e = mail.Event;
        var until = When(mail.Offer.ExpiresAt);
        message.Subject = $"Seats for {e.Name} are held for you until {until}";
        var link = SiteLink($"/events/{Uri.EscapeDataString(e.EventId)}");
        var amount = Amount(mail.Offer.Total, mail.Offer.Currency);
        var seats = SeatList(mail.Offer.Seats);
        body.TextBody = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Seats came back for {e.Name} ({When(e.StartsAt)}, {e.Venue}), and you were next on the waitlist.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Held for you: {seats} ({amount})")
            .AppendLine(CultureInfo.InvariantCulture, $"Until:        {until}")
            .AppendLine()
            .AppendLine("Pay for them here before then; after that they go to the next fan waiting:")
            .AppendLine(link)
            .AppendLine()
            .AppendLine("If you no longer want them, do nothing: the hold ends by itself.")
            .AppendLine("TicketMaster")
            .ToString();
        body.HtmlBody = $"<p>Seats came back for <b>{H(e.Name)}</b> ({H(When(e.StartsAt))}, {H(e.Venue)}), and you were next on the waitlist.</p>"
            + $"<p><b>Held for you:</b> {H(seats)} ({H(amount)})<br><b>Until:</b> {H(until)}</p>"
            + $"<p><a href=\"{H(link)}\">Pay for them</a> before then; after that they go to the next fan waiting.</p>"
            + "<p>If you no longer want them, do nothing: the hold ends by itself.<br>TicketMaster</p>";
    }

    private void Reset(MimeMessage message, BodyBuilder body, PasswordResetMail mail)
    {
        message.Subject = "Reset your TicketMaster password";
        var link = SiteLink($"/account/reset?token={Uri.EscapeDataString(mail.Token)}");
        var until = When(mail.ExpiresAt);
        body.TextBody = new StringBuilder()
            .AppendLine("Someone (we hope you) asked to reset the password of your TicketMaster account.")
            .AppendLine()
            .AppendLine("Choose a new one here; the link works once, until " + until + ":")
            .AppendLine(link)
            .AppendLine()
            .AppendLine("If it was not you, ignore this mail: your password stays as it is.")
            .AppendLine("TicketMaster")
            .ToString();
        body.HtmlBody = $"<p>Someone (we hope you) asked to reset the password of your TicketMaster account.</p>"
            + $"<p><a href=\"{H(link)}\">Choose a new password</a>. The link works once, until {H(until)}.</p>"
            + "<p>If it was not you, ignore this mail: your password stays as it is.<br>TicketMaster</p>";
    }

    /// <summary>An absolute link into the site (<c>Mail:SiteUrl</c>), never one taken from a request.</summary>
    private string SiteLink(string path) => settings.SiteUrl.TrimEnd('/') + path;

    private static string SeatList(IEnumerable<ReservedSeat> seats) => string.Join(", ", seats.Select(s => s.SeatId));

    private static string Amount(decimal total, string currency) => $"{total.ToString("0.00", CultureInfo.InvariantCulture)} {currency}";

    private static string When(DateTimeOffset at) => at.UtcDateTime.ToString("dddd d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string H(string text) => WebUtility.HtmlEncode(text);
}
