using System.Net;
using Microsoft.AspNetCore.Http;

namespace TicketMaster.Hosting;

/// <summary>
/// Who is calling: the TCP peer as the connection saw it, kept before any forwarded header is
/// applied, and the client (the peer, or what a known proxy says for it). Operator pages ask both
/// to be this machine: a header cannot make a remote caller local, and a proxy on this machine
/// does not make every client it forwards local.
/// </summary>
public sealed class ClientAddress(IPAddress? peer)
{
    public IPAddress? Peer { get; } = peer;

    /// <summary>True when both the TCP peer and the client it stands for are this machine.</summary>
    public static bool IsLocal(HttpContext context)
    {
        var peer = context.Features.Get<ClientAddress>()?.Peer ?? context.Connection.RemoteIpAddress;
        return IsLoopback(peer) && IsLoopback(context.Connection.RemoteIpAddress);
    }

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);
}
