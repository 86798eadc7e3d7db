using System;
using Clerk.Models.Generator.Model;

namespace Clerk.Models.Generator.Read.Text;

/// <summary>A problem in the spec's text found while reading it, with where it is.</summary>
internal sealed class SpecTextException : Exception
{
    public SpecTextException(LocationInfo location, string message)
        : base(message)
        => Location = location;

    public LocationInfo Location { get; }
}
