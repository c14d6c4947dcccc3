using TicketMaster.Catalog;

namespace TicketMaster.Grains.Events;

/// <summary>A section's place in the flat seat array, with its price.</summary>
public sealed record SectionLayout(
    int Index,
    SectionDefinition Definition,
    int Offset,
    decimal Price)
{
    public string SectionId => Definition.SectionId;

    public bool IsGeneralAdmission => Definition.IsGeneralAdmission;

    public int Capacity => Definition.SeatCount;

    public int Ordinal(int row, int number) => Offset + (row - 1) * Definition.SeatsPerRow + (number - 1);

    public (int Row, int Number) Position(int ordinal)
    {
        var local = ordinal - Offset;
        return (local / Definition.SeatsPerRow + 1, local % Definition.SeatsPerRow + 1);
    }

    public string SeatId(int ordinal)
    {
        var (row, number) = Position(ordinal);
        return $"{SectionId}-{row}-{number}";
    }
}
