using System.Net;
using System.Net.Sockets;
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

    /// <summary>A client address as the limits count it: IPv4 as is, IPv6 by its /64, the block one host or household is given.</summary>
    public static string KeyOf(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>
    /// The client's <see cref="KeyOf"/> for a limit that must not lump strangers together: none when the client is
    /// this machine (a benchmark, or a proxy beside the process not named in <c>ForwardedHeaders</c>) or unknown.
    /// </summary>
    public static string? RemoteKeyOf(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && !IPAddress.IsLoopback(address) ? KeyOf(address) : null;

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);
}
