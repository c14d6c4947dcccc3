using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>The mail settings checked at start, and the embedded default's pickup folder.</summary>
public sealed class MailConfigurationTests
{
    private sealed class WithSetting(string key, string value) : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(key, value);
        }
    }

    [Theory]
    [InlineData("Smtp:Port", "Smtp:Port", "70000")]
    [InlineData("Smtp:From", "Smtp:From", "not an address")]
    [InlineData("Smtp:Password", "Smtp:UserName", "someone")]
    [InlineData("Mail:SiteUrl", "Mail:SiteUrl", "javascript:alert(1)")]
    [InlineData("Mail:BatchSize", "Mail:BatchSize", "0")]
    [InlineData("Mail:RetryMin", "Mail:RetryMin", "00:00:00")]
    [InlineData("Accounts:PasswordReset:Lifetime", "Accounts:PasswordReset:Lifetime", "00:00:00")]
    public void A_wrong_mail_setting_stops_the_start_naming_the_key(string named, string key, string value)
    {
        using var factory = new WithSetting(key, value);

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mail_sent_again_after_a_sender_died_carries_the_same_message_id_and_another_mail_another()
    {
        var composer = new TicketMaster.Hosting.Mail.MailComposer(new TicketMaster.Hosting.Mail.SmtpSettings { From = "Tickets <tickets@example.com>" }, new TicketMaster.Hosting.Mail.MailSenderSettings());
        var at = DateTimeOffset.UtcNow;
        var mail = new TicketMaster.Mail.OutboxMail("password-reset/u_1/ab", "fan@example.com", new TicketMaster.Mail.PasswordResetMail("u_1.secret", at), at);

        var first = composer.Compose(mail);
        var again = composer.Compose(mail);
        var other = composer.Compose(mail with { MailId = "password-reset/u_1/cd" });

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.EndsWith("@example.com", first.MessageId, StringComparison.Ordinal);
        Assert.NotEqual(first.MessageId, other.MessageId);
    }

    [Fact]
    public async Task Without_a_relay_a_confirmation_is_an_eml_file_in_the_pickup_folder_named_after_its_message_id()
    {
        await using var factory = new ApiFactory();
        var api = new Api(factory);
        var eventId = await api.CreateEvent();
        var (fan, _) = await api.RegisteredUser();
        var booked = await Api.Json(await Api.Book(fan, await Api.Hold(fan, eventId, "A-1-1")));
        var code = booked["tickets"]![0]!["code"]!.GetValue<string>();

        await Eventually.True(() => Task.FromResult(Directory.Exists(factory.PickupDirectory) && Directory.GetFiles(factory.PickupDirectory, "*.eml").Length > 0),
            TimeSpan.FromSeconds(20), "the mail is written");

        var file = Assert.Single(Directory.GetFiles(factory.PickupDirectory));
        var mail = await MimeMessage.LoadAsync(file);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), mail.MessageId!.Split('@')[0]);
        Assert.Contains(code, mail.TextBody);
        Directory.Delete(factory.PickupDirectory, recursive: true);
    }
}
