using TicketMaster.Events;

namespace TicketMaster.Grains.Events;

/// <summary>
/// The waitlist of a sold-out event. Offers are made in <see cref="Commit"/>, so seats freed by a
/// release, a fan's cancel or a refund go to the next waiting fan in the same durable batch; seats
/// freed by an expiry (an offer not bought in time too) are offered at the next tick, every second
/// while anyone waits.
/// </summary>
public sealed partial class EventGrain
{
    /// <summary>How soon seats freed by an expiry reach a waiting fan.</summary>
    private static readonly TimeSpan WaitlistTick = TimeSpan.FromSeconds(1);

    public async Task<WaitlistResult> JoinWaitlist(string userId, int quantity, string? sectionId, string? mailTo = null)
    {
        _persistence.EnsureCurrent();
        if (Map is null) return Missing(WaitlistResult.EventNotFound);
        if (State.Cancelled) return WaitlistResult.EventCancelled;
        if (Now >= State.Definition!.StartsAt) return WaitlistResult.SalesClosed;
        // An offer is made inside a commit, where nothing may be awaited: the wake-up for its mail is set up now, while the fan waits.
        if (mailTo is not null) await EnsureMailReminder();
        _persistence.EnsureCurrent();
        Map.ExpireDue(Now);
        var result = Map.JoinWaitlist(userId, quantity, sectionId, mailTo);
        // A repeat waits too: the place it reports may still be in the batch being written.
        if (result.Status == WaitlistStatus.Waiting) await _persistence.Durable();
        return result;
    }

    public async Task<bool> LeaveWaitlist(string userId)
    {
        _persistence.EnsureCurrent();
        if (Map is null) return Missing(false);
        var left = Map.LeaveWaitlist(userId);
        await _persistence.Durable();
        return left;
    }

    /// <summary>Offers what is free to the waiting fans; called before every commit of seat changes.</summary>
    private void OfferWaitlist()
    {
        if (Map is null || !Map.HasWaitlist || State.Cancelled || Now >= State.Definition!.StartsAt) return;
        Map.OfferWaitlist(Now + waitlist.Value.OfferDuration);
    }

    private async Task TickWaitlist(CancellationToken cancellationToken)
    {
        if (Map is null || !Map.HasWaitlist) return;
        try
        {
            _persistence.EnsureCurrent();
            Map.ExpireDue(Now);
            if (_pending.Count > 0) await Commit();
        }
        catch (RetryableException)
        {
            // This activation is on its way out; the next one offers.
        }
    }
}
