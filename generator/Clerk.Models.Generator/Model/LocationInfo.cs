using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Clerk.Models.Generator.Model;

/// <summary>A place in a spec file, kept as plain values so that it can be cached and compared.</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public Location ToLocation()
        => Location.Create(
            FilePath,
            new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(Line, Column), new LinePosition(EndLine, EndColumn)));

    /// <summary>The start of the file, for problems that belong to the whole document.</summary>
    public static LocationInfo StartOf(string filePath) => new(filePath, 0, 0, 0, 0, 0, 0);
}
