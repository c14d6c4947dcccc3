using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Serialization;
using TicketMaster.Grains.Persistence;
using TicketMaster.Mail;

namespace TicketMaster.Grains.Mail;

/// <summary>
/// One shard of the outbox. Reentrant so that the mails handed on by many events at once share
/// one append. Leases and retry times live in memory only: after a restart every waiting mail is
/// due at once, which costs at worst one early try, never a lost mail.
/// </summary>
[Reentrant]
public sealed partial class MailOutboxGrain(
    IJournalStorage journals,
    Serializer serializer,
    IOptions<JournalOptions> journalOptions,
    IOptions<MailOptions> options,
    [FromKeyedServices(BookingClock.Key)] TimeProvider time,
    ILogger<MailOutboxGrain> logger) : Grain, IMailOutboxGrain
{
    private BatchedJournal<MailOutboxState, MailOutboxChange, MailOutboxBatch> _outbox = null!;

    /// <summary>Per waiting mail: tries so far, and when it may next be lent.</summary>
    private readonly Dictionary<string, (int Attempts, DateTimeOffset NotBefore)> _tries = [];

    public static string JournalName(long shard) => $"mail/{shard}";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _outbox = new(journals, serializer, journalOptions.Value, JournalName(this.GetPrimaryKeyLong()), "mail",
            changes => new MailOutboxBatch(changes), batch => batch.Changes, (state, change) => state.Apply(change), DeactivateOnIdle, logger);
        return _outbox.Load();
    }

    public async Task Enqueue(IReadOnlyList<OutboxMail> mails)
    {
        _outbox.EnsureCurrent();
        var added = 0;
        foreach (var mail in mails)
        {
            if (_outbox.State.Knows(mail.MailId)) continue;
            _outbox.Record(new MailQueued(mail));
            added++;
        }
        await _outbox.Durable();
        GrainMetrics.MailsQueued.Add(added);
    }

    public async Task<IReadOnlyList<MailDelivery>> TakeDue(int max, TimeSpan lease)
    {
        _outbox.EnsureCurrent();
        // Only what is durable is lent: a mail still in its batch could yet be lost with it.
        await _outbox.Durable();
        var now = time.GetUtcNow();
        var due = new List<MailDelivery>();
        foreach (var mail in _outbox.State.Waiting.Values.OrderBy(m => m.QueuedAt))
        {
            if (due.Count >= max) break;
            var tries = _tries.GetValueOrDefault(mail.MailId);
            if (tries.NotBefore > now) continue;
            _tries[mail.MailId] = (tries.Attempts + 1, now + lease);
            due.Add(new MailDelivery(mail, tries.Attempts + 1));
        }
        return due;
    }

    public async Task MarkSent(IReadOnlyList<string> mailIds)
    {
        _outbox.EnsureCurrent();
        var sent = mailIds.Where(_outbox.State.Waiting.ContainsKey).ToList();
        if (sent.Count > 0) _outbox.Record(new MailsDone(sent, time.GetUtcNow(), Failed: false));
        foreach (var id in sent) _tries.Remove(id);
        await _outbox.Durable();
        GrainMetrics.MailsSent.Add(sent.Count);
    }

    public async Task MarkFailed(string mailId, string reason, bool permanent)
    {
        _outbox.EnsureCurrent();
        if (!_outbox.State.Waiting.ContainsKey(mailId)) return;
        var attempts = _tries.GetValueOrDefault(mailId).Attempts;
        if (permanent)
        {
            _outbox.Record(new MailsDone([mailId], time.GetUtcNow(), Failed: true));
            _tries.Remove(mailId);
            LogGivenUp(logger, mailId, attempts, reason);
            await _outbox.Durable();
            GrainMetrics.MailsFailed.Add(1);
            return;
        }
        _tries[mailId] = (attempts, time.GetUtcNow() + options.Value.Backoff(Math.Max(attempts, 1)));
        GrainMetrics.MailsRetried.Add(1);
    }

    public Task<int> Waiting()
    {
        _outbox.EnsureCurrent();
        return Task.FromResult(_outbox.State.Waiting.Count);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail {MailId} given up after {Attempts} tries: {Reason}")]
    private static partial void LogGivenUp(ILogger logger, string mailId, int attempts, string reason);
}
