namespace TicketMaster.WebFrontend.Endpoints;

public static class Ids
{
    /// <summary>Cheap guard before a grain is activated for an id a client made up.</summary>
    public static bool IsPlausible(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
}
