using System.Collections.Generic;
using Clerk.Models.Generator.Model;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Clerk.Models.Generator.Emit;

/// <summary>
/// Turns spec text into C# text safely: string literals and XML doc comments.
/// Spec text never reaches the output any other way, so it can never become code.
/// </summary>
internal static class CSharpText
{
    /// <summary>Writes an identifier so that it compiles even when it is a keyword (<c>@class</c>).</summary>
    public static string Identifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>A regular C# string literal, every special character escaped.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A UTF-8 string literal (<c>"..."u8</c>).</summary>
    public static string Utf8Literal(string value) => Literal(value) + "u8";

    /// <summary>
    /// The lines of an XML doc comment's text: XML-escaped, split on every kind of line break
    /// (including U+2028/U+2029 and lone CR), with trailing blank lines removed.
    /// </summary>
    public static IReadOnlyList<string> XmlDocLines(string text)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    goto case '\n';
                case '\n':
                case '\u0085':
                case '\u2028':
                case '\u2029':
                    lines.Add(current.ToString().TrimEnd());
                    current.Clear();
                    break;
                case '&':
                    current.Append("&amp;");
                    break;
                case '<':
                    current.Append("&lt;");
                    break;
                case '>':
                    current.Append("&gt;");
                    break;
                default:
                    // Other control characters are not valid in XML; drop them.
                    if (!char.IsControl(c) || c == '\t')
                    {
                        current.Append(c);
                    }

                    break;
            }
        }

        lines.Add(current.ToString().TrimEnd());
        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        return lines;
    }

    /// <summary>The remark that says where in the spec a type comes from: its file and a JSON pointer into it.</summary>
    public static void WriteSource(SourceWriter writer, EmitContext context, TypeModel type)
    {
        if (type.SourcePointer.Length > 0)
        {
            var file = System.IO.Path.GetFileName(context.Spec.SpecPath);
            writer.Line("/// <remarks>From <c>" + string.Join(" ", XmlDocLines(file + "#" + type.SourcePointer)) + "</c>.</remarks>");
        }
    }

    public static void WriteSummary(SourceWriter writer, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var lines = XmlDocLines(text!);
        if (lines.Count == 1 && lines[0].Length <= 100)
        {
            writer.Line("/// <summary>" + lines[0] + "</summary>");
            return;
        }

        writer.Line("/// <summary>");
        foreach (var line in lines)
        {
            writer.Line(line.Length == 0 ? "///" : "/// " + line);
        }

        writer.Line("/// </summary>");
    }
}
