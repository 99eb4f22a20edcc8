namespace SgLambda.Emulators.Kubernetes.Calico;

/// <summary>Token kinds of Calico's selector tokenizer, named as there (printed with a <c>Tok</c> prefix, as Go does).</summary>
internal enum SelectorTokenKind
{
    Label,
    StringLiteral,
    LBrace,
    RBrace,
    Comma,
    Eq,
    Ne,
    In,
    Not,
    NotIn,
    Contains,
    StartsWith,
    EndsWith,
    All,
    Has,
    LParen,
    RParen,
    And,
    Or,
    Global,
    Eof,
}
