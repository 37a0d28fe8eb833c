using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OpenAlmaty.Kindergarten.Web.Features.Notifications;

public sealed record OutgoingMessage(long Id, NotificationChannel Channel, string Recipient, string Subject, string Body);

/// One way of delivering a notification. SendNotificationsJob picks the sender by channel.
public interface INotificationSender
{
    NotificationChannel Channel { get; }

    Task SendAsync(OutgoingMessage message, CancellationToken ct);
}

public sealed class NotificationOptions
{
    /// Where messages are written as files when no SMTP server or SMS provider is configured
    /// (development and tests): .eml and .txt files a person can open.
    public string OutboxFolder { get; set; } = ".data/outbox";
    public string From { get; set; } = "noreply@bala.almaty.kz";
    public string FromName { get; set; } = "Постановка на очередь в детские сады — Алматы";
    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    /// Empty: e-mail goes to files under the outbox folder.
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool StartTls { get; set; } = true;
    public string? User { get; set; }
    public string? Password { get; set; }
}

/// E-mail over SMTP with MailKit; without an SMTP host, the same MIME message is written as .eml.
public sealed class EmailSender(IOptions<NotificationOptions> options) : INotificationSender
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(o.FromName, o.From));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Subject = message.Subject;
        mime.Headers.Add("X-Notification-Id", message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        mime.Body = new TextPart("plain") { Text = message.Body };

        if (string.IsNullOrWhiteSpace(o.Smtp.Host))
        {
            Directory.CreateDirectory(o.OutboxFolder);
            await mime.WriteToAsync(Path.Combine(o.OutboxFolder, $"{message.Id:D10}-email.eml"), ct);
            return;
        }
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(o.Smtp.Host, o.Smtp.Port, o.Smtp.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(o.Smtp.User)) await smtp.AuthenticateAsync(o.Smtp.User, o.Smtp.Password ?? "", ct);
        await smtp.SendAsync(mime, ct);
        await smtp.DisconnectAsync(true, ct);
    }
}

/// An SMS gateway (a contract with a Kazakh operator's aggregator). The portal ships only the file
/// provider; a real one implements this and is registered instead.
public interface ISmsProvider
{
    Task SendAsync(long messageId, string phone, string text, CancellationToken ct);
}

public sealed class FileSmsProvider(IOptions<NotificationOptions> options) : ISmsProvider
{
    public async Task SendAsync(long messageId, string phone, string text, CancellationToken ct)
    {
        var folder = options.Value.OutboxFolder;
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, $"{messageId:D10}-sms.txt"), $"To: {phone}\n\n{text}\n", ct);
    }
}

public sealed class SmsSender(ISmsProvider provider) : INotificationSender
{
    public NotificationChannel Channel => NotificationChannel.Sms;

    public Task SendAsync(OutgoingMessage message, CancellationToken ct) =>
        provider.SendAsync(message.Id, message.Recipient, message.Body, ct);
}
