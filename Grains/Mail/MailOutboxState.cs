using TicketMaster.Mail;

namespace TicketMaster.Grains.Mail;

/// <summary>
/// An outbox shard as its snapshots store it: the mails waiting, and the ids of those that left
/// (for <see cref="Retention"/>), so a mail handed on again after a crash is recognised and not sent twice.
/// </summary>
[GenerateSerializer, Alias("MailOutboxState")]
public sealed class MailOutboxState
{
    /// <summary>Far longer than a cause waits to record that it handed its mail on.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    [Id(0)] public Dictionary<string, OutboxMail> Waiting { get; set; } = [];

    /// <summary>Ids of mails sent or given up, with when.</summary>
    [Id(1)] public Dictionary<string, DateTimeOffset> Done { get; set; } = [];

    public bool Knows(string mailId) => Waiting.ContainsKey(mailId) || Done.ContainsKey(mailId);

    /// <summary>The one way a change reaches the shard, live or replayed.</summary>
    public void Apply(MailOutboxChange change)
    {
        switch (change)
        {
            case MailQueued queued when !Knows(queued.Mail.MailId):
                Waiting.Add(queued.Mail.MailId, queued.Mail);
                break;
            case MailsDone done:
                foreach (var id in done.MailIds)
                {
                    if (Waiting.Remove(id)) Done[id] = done.At;
                }
                // Forgetting by the recorded time keeps a replay equal to the live state.
                var before = done.At - Retention;
                foreach (var (id, at) in Done)
                {
                    if (at < before) Done.Remove(id);
                }
                break;
        }
    }
}
