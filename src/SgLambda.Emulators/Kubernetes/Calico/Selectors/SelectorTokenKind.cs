namespace SgLambda.Emulators.Kubernetes.Calico.Selectors;

/// <summary>The tokens of Calico's selector language (libcalico-go <c>lib/selector/tokenizer</c>).</summary>
public enum SelectorTokenKind
{
    Label,
    StringLiteral,
    LeftBrace,
    RightBrace,
    Comma,
    Equal,
    NotEqual,
    Not,
    In,
    NotIn,
    Contains,
    StartsWith,
    EndsWith,
    All,
    Has,
    Global,
    LeftParenthesis,
    RightParenthesis,
    And,
    Or,
    End,
}
