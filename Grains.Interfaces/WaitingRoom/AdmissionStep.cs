namespace TicketMaster.WaitingRoom;

/// <summary>
/// The room let fans in at <see cref="At"/>: every shard s is admitted below <see cref="UpTo"/>[s],
/// and the pre-queue's drawn ranks below <see cref="PreUpTo"/>. Tokens expire a window after their step.
/// </summary>
[GenerateSerializer, Immutable, Alias("AdmissionStep")]
public sealed record AdmissionStep([property: Id(0)] DateTimeOffset At, [property: Id(1)] long[] UpTo, [property: Id(2)] long PreUpTo = 0);
