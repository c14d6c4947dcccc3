namespace TicketMaster.Grains.Events;

/// <summary>
/// Seats held at once from each client address of one event: <c>maxTicketsPerFan</c> counts per
/// account, and accounts are cheap, so one address would otherwise hold a whole event through a few
/// of them. Kept in memory only: it throttles holding, which lasts minutes, and a restart that forgets
/// it lets an address hold at most one more cap's worth; whether a seat may be sold is never decided here.
/// Only addresses with active holds are kept, so it is no larger than the holds themselves.
/// </summary>
public sealed class AddressHolds
{
    private readonly Dictionary<string, List<(string ReservationId, int Seats)>> _byAddress = new(StringComparer.Ordinal);

    /// <summary>Seats <paramref name="address"/> holds now, forgetting holds that <paramref name="isActive"/> says ended.</summary>
    public int Held(string address, Func<string, bool> isActive)
    {
        if (!_byAddress.TryGetValue(address, out var holds)) return 0;
        holds.RemoveAll(h => !isActive(h.ReservationId));
        if (holds.Count == 0) _byAddress.Remove(address);
        return holds.Sum(h => h.Seats);
    }

    public void Add(string address, string reservationId, int seats)
    {
        if (!_byAddress.TryGetValue(address, out var holds)) _byAddress[address] = holds = [];
        holds.Add((reservationId, seats));
    }

    /// <summary>Drops every ended hold (the event's sweep), so addresses that stopped holding leave.</summary>
    public void Prune(Func<string, bool> isActive)
    {
        foreach (var address in _byAddress.Keys.ToList()) Held(address, isActive);
    }

    public int Addresses => _byAddress.Count;
}
