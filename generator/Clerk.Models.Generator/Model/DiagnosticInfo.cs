using System;
using System.Linq;
using Clerk.Models.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Clerk.Models.Generator.Model;

/// <summary>
/// A diagnostic as plain data: the descriptor is looked up by id when it is reported,
/// so nothing from Roslyn is held in the cached model.
/// </summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, params object?[] arguments)
        => new(
            descriptor.Id,
            location,
            arguments.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToEquatableArray());

    public Diagnostic ToDiagnostic()
        => Diagnostic.Create(
            DiagnosticDescriptors.ById(Id),
            Location.ToLocation(),
            Arguments.Cast<object?>().ToArray());
}
