using System.ComponentModel;

namespace Clerk.Models.Runtime.Serialization;

/// <summary>
/// Selects a generated record's constructor for its own converter, which sets the members itself as
/// it reads them, required ones included. Not meant to be used by other code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Uninitialized
{
}
