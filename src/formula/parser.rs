//! Tokens -> postfix [`Formula`], by the shunting-yard algorithm: no recursion, so no formula
//! can overflow the stack; nesting deeper than [`MAX_NESTING`] is a parse error instead.
//!
//! Grammar (Excel's, precedence from loosest to tightest):
//! ```text
//! formula    := ['='] expr
//! expr       := expr cmp expr | expr '&' expr | expr ('+'|'-') expr | expr ('*'|'/') expr
//!             | expr '^' expr | expr '%' | ('-'|'+') expr | expr ':' expr | primary
//! cmp        := '=' | '<>' | '<' | '<=' | '>' | '>='
//! primary    := number | text | TRUE | FALSE | error | array | reference | name
//!             | function '(' [arg (',' arg)*] ')' | '(' expr ')'
//! arg        := expr | <empty>
//! reference  := [sheet '!'] (cell | cell ':' cell | col ':' col | row ':' row)
//! ```
//! All binary operators are left-associative (`2^3^2` is 64); negation binds tighter than `^`
//! (`-2^2` is 4), as in Excel.

use std::sync::Arc;

use super::ast::{ArrayLiteral, BinaryOp, Formula, Item, UnaryOp, PREC_PERCENT, PREC_UNARY};
use super::lexer::{tokenize, Token, TokenKind};
use super::ParseError;
use crate::value::Value;

/// Deepest nesting of parentheses and function calls accepted (Excel allows 64).
pub const MAX_NESTING: usize = 256;

enum Pending {
    Unary(UnaryOp),
    Binary(BinaryOp),
    Paren {
        at: usize,
    },
    Function {
        name: Arc<str>,
        at: usize,
        argc: u16,
    },
}

impl Pending {
    /// Precedence of an operator waiting on the stack; parentheses and calls block popping.
    fn precedence(&self) -> Option<u8> {
        match self {
            Pending::Unary(_) => Some(PREC_UNARY),
            Pending::Binary(op) => Some(op.precedence()),
            _ => None,
        }
    }
}

struct Parser<'a> {
    text: &'a str,
    output: Vec<Item>,
    stack: Vec<Pending>,
    nesting: usize,
}

/// Parses formula text (with or without the leading `=`).
pub fn parse(text: &str) -> Result<Formula, ParseError> {
    let body_start = text.len() - text.trim_start().len();
    let body = &text[body_start..];
    // `{=...}` is how Excel shows an array (CSE) formula.
    let array = body.starts_with("{=") && body.trim_end().ends_with('}');
    let (offset, end) = if array {
        (body_start + 2, body_start + body.trim_end().len() - 1)
    } else if body.starts_with('=') {
        (body_start + 1, text.len())
    } else {
        (body_start, text.len())
    };
    let tokens = tokenize(&text[offset..end]).map_err(|e| e.shifted(text, offset))?;
    let mut parser = Parser {
        text,
        output: Vec::with_capacity(tokens.len()),
        stack: Vec::new(),
        nesting: 0,
    };
    parser.run(&tokens, offset)?;
    Ok(Formula {
        items: parser.output,
        array,
    })
}

fn binary_op(kind: &TokenKind) -> Option<BinaryOp> {
    Some(match kind {
        TokenKind::Plus => BinaryOp::Add,
        TokenKind::Minus => BinaryOp::Sub,
        TokenKind::Star => BinaryOp::Mul,
        TokenKind::Slash => BinaryOp::Div,
        TokenKind::Caret => BinaryOp::Pow,
        TokenKind::Amp => BinaryOp::Concat,
        TokenKind::Eq => BinaryOp::Eq,
        TokenKind::Ne => BinaryOp::Ne,
        TokenKind::Lt => BinaryOp::Lt,
        TokenKind::Le => BinaryOp::Le,
        TokenKind::Gt => BinaryOp::Gt,
        TokenKind::Ge => BinaryOp::Ge,
        TokenKind::Colon => BinaryOp::Range,
        _ => return None,
    })
}

impl<'a> Parser<'a> {
    fn err(&self, at: usize, message: impl Into<String>) -> ParseError {
        ParseError::new(self.text, at, message)
    }

    fn pop_while_precedence_at_least(&mut self, min: u8) {
        while let Some(top) = self.stack.last() {
            match top.precedence() {
                Some(p) if p >= min => {
                    if let Some(pending) = self.stack.pop() {
                        self.emit(pending);
                    }
                }
                _ => break,
            }
        }
    }

    fn emit(&mut self, pending: Pending) {
        match pending {
            Pending::Unary(op) => self.output.push(Item::Unary(op)),
            Pending::Binary(op) => self.output.push(Item::Binary(op)),
            Pending::Paren { .. } | Pending::Function { .. } => {}
        }
    }

    fn open(&mut self, pending: Pending, at: usize) -> Result<(), ParseError> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return Err(self.err(
                at,
                format!("formula is nested more than {MAX_NESTING} levels deep"),
            ));
        }
        self.stack.push(pending);
        Ok(())
    }

    /// Pops operators down to the innermost open parenthesis or call, which stays on the stack.
    fn pop_to_open(&mut self) {
        while let Some(top) = self.stack.last() {
            if matches!(top, Pending::Paren { .. } | Pending::Function { .. }) {
                break;
            }
            if let Some(p) = self.stack.pop() {
                self.emit(p);
            }
        }
    }

    fn run(&mut self, tokens: &[Token], offset: usize) -> Result<(), ParseError> {
        let mut expect_operand = true;
        let mut just_opened_call = false;
        let mut i = 0;
        while i < tokens.len() {
            let token = &tokens[i];
            let at = token.start + offset;
            let opened_call_before = just_opened_call;
            just_opened_call = false;
            // An argument may be left out (`IF(A1,,2)`) only right after '(' or ','; after an
            // operator (`SUM(1+)`) an operand is missing.
            let argument_empty = matches!(
                i.checked_sub(1)
                    .and_then(|j| tokens.get(j))
                    .map(|t| &t.kind),
                Some(TokenKind::Function(_) | TokenKind::Comma | TokenKind::Semicolon)
            );
            match &token.kind {
                TokenKind::Number(_)
                | TokenKind::Text(_)
                | TokenKind::Bool(_)
                | TokenKind::Error(_)
                | TokenKind::Cell(_)
                | TokenKind::Area(_)
                | TokenKind::Name { .. }
                | TokenKind::External(_) => {
                    if !expect_operand {
                        return Err(self.err(at, "expected an operator, ',' or ')' before this"));
                    }
                    self.output.push(operand_item(&token.kind));
                    expect_operand = false;
                }
                TokenKind::LBrace => {
                    if !expect_operand {
                        return Err(self.err(at, "expected an operator before '{'"));
                    }
                    i = self.array_literal(tokens, i, offset)?;
                    expect_operand = false;
                    continue;
                }
                TokenKind::Function(name) => {
                    if !expect_operand {
                        return Err(self.err(at, "expected an operator before this function"));
                    }
                    self.open(
                        Pending::Function {
                            name: name.clone(),
                            at,
                            argc: 0,
                        },
                        at,
                    )?;
                    expect_operand = true;
                    just_opened_call = true;
                }
                TokenKind::LParen => {
                    if !expect_operand {
                        return Err(self.err(at, "expected an operator before '('"));
                    }
                    self.open(Pending::Paren { at }, at)?;
                    expect_operand = true;
                }
                TokenKind::Comma | TokenKind::Semicolon => {
                    if expect_operand && !argument_empty {
                        return Err(self.err(at, "expected an operand before ','"));
                    }
                    self.pop_to_open();
                    match self.stack.last_mut() {
                        Some(Pending::Function { argc, .. }) => {
                            if expect_operand {
                                self.output.push(Item::Missing);
                            }
                            *argc = argc.saturating_add(1);
                            expect_operand = true;
                        }
                        Some(Pending::Paren { .. }) => {
                            return Err(self.err(
                                at,
                                "reference unions like (A1,B2) are not supported; expected ')'",
                            ))
                        }
                        _ => return Err(self.err(at, "',' outside a function's arguments")),
                    }
                }
                TokenKind::RParen => {
                    if expect_operand && !argument_empty && !opened_call_before {
                        return Err(self.err(at, "expected an operand before ')'"));
                    }
                    self.pop_to_open();
                    match self.stack.pop() {
                        Some(Pending::Paren { .. }) => {
                            if expect_operand {
                                return Err(self.err(at, "expected an operand before ')'"));
                            }
                            self.output.push(Item::Paren);
                        }
                        Some(Pending::Function { name, argc, .. }) => {
                            let argc = if opened_call_before {
                                0
                            } else {
                                if expect_operand {
                                    self.output.push(Item::Missing);
                                }
                                argc.saturating_add(1)
                            };
                            self.output.push(Item::Call { name, argc });
                        }
                        _ => return Err(self.err(at, "')' has no matching '('")),
                    }
                    self.nesting = self.nesting.saturating_sub(1);
                    expect_operand = false;
                }
                TokenKind::Percent => {
                    if expect_operand {
                        return Err(self.err(at, "expected an operand before '%'"));
                    }
                    self.pop_while_precedence_at_least(PREC_PERCENT + 1);
                    self.output.push(Item::Percent);
                }
                TokenKind::Plus | TokenKind::Minus if expect_operand => {
                    let op = if token.kind == TokenKind::Minus {
                        UnaryOp::Minus
                    } else {
                        UnaryOp::Plus
                    };
                    self.stack.push(Pending::Unary(op));
                }
                kind => {
                    let Some(op) = binary_op(kind) else {
                        return Err(self.err(at, "unexpected token"));
                    };
                    if expect_operand {
                        return Err(
                            self.err(at, format!("expected an operand before '{}'", op.symbol()))
                        );
                    }
                    self.pop_while_precedence_at_least(op.precedence());
                    self.stack.push(Pending::Binary(op));
                    expect_operand = true;
                }
            }
            i += 1;
        }
        if expect_operand {
            let at = self.text.len();
            let message = if self.output.is_empty() && self.stack.is_empty() {
                "the formula is empty"
            } else {
                "the formula ends where an operand was expected"
            };
            return Err(self.err(at, message));
        }
        while let Some(p) = self.stack.pop() {
            match p {
                Pending::Paren { at } => return Err(self.err(at, "'(' is never closed")),
                Pending::Function { at, name, .. } => {
                    return Err(self.err(at, format!("{name}( is never closed")))
                }
                other => self.emit(other),
            }
        }
        Ok(())
    }

    /// Parses `{1,2;3,4}` starting at tokens[i] (the `{`); returns the index after `}`.
    fn array_literal(
        &mut self,
        tokens: &[Token],
        mut i: usize,
        offset: usize,
    ) -> Result<usize, ParseError> {
        let open_at = tokens[i].start + offset;
        i += 1;
        let mut rows: Vec<Vec<Value>> = vec![Vec::new()];
        let mut expect_value = true;
        loop {
            let Some(token) = tokens.get(i) else {
                return Err(self.err(open_at, "'{' is never closed"));
            };
            let at = token.start + offset;
            let negative = token.kind == TokenKind::Minus;
            let token = if negative {
                i += 1;
                tokens
                    .get(i)
                    .ok_or_else(|| self.err(at, "expected a number after '-'"))?
            } else {
                token
            };
            match &token.kind {
                TokenKind::Number(n) if expect_value => {
                    let value = if negative { -*n } else { *n };
                    push_row_value(&mut rows, Value::Number(value));
                    expect_value = false;
                }
                TokenKind::Text(t) if expect_value && !negative => {
                    push_row_value(&mut rows, Value::Text(t.clone()));
                    expect_value = false;
                }
                TokenKind::Bool(b) if expect_value && !negative => {
                    push_row_value(&mut rows, Value::Bool(*b));
                    expect_value = false;
                }
                TokenKind::Error(e) if expect_value && !negative => {
                    push_row_value(&mut rows, Value::Error(*e));
                    expect_value = false;
                }
                TokenKind::Comma if !expect_value => expect_value = true,
                TokenKind::Semicolon if !expect_value => {
                    rows.push(Vec::new());
                    expect_value = true;
                }
                TokenKind::RBrace if !expect_value => break,
                _ => {
                    return Err(self.err(
                        at,
                        "array constants may hold only numbers, text, TRUE/FALSE and errors",
                    ))
                }
            }
            i += 1;
        }
        let cols = rows.first().map(Vec::len).unwrap_or(0);
        if rows.iter().any(|r| r.len() != cols) {
            return Err(self.err(
                open_at,
                "every row of an array constant needs the same number of columns",
            ));
        }
        let row_count = rows.len();
        self.output.push(Item::Array(Arc::new(ArrayLiteral {
            rows: row_count,
            cols,
            values: rows.into_iter().flatten().collect(),
        })));
        Ok(i + 1)
    }
}

fn push_row_value(rows: &mut [Vec<Value>], value: Value) {
    if let Some(row) = rows.last_mut() {
        row.push(value);
    }
}

fn operand_item(kind: &TokenKind) -> Item {
    match kind {
        TokenKind::Number(n) => Item::Number(*n),
        TokenKind::Text(t) => Item::Text(t.clone()),
        TokenKind::Bool(b) => Item::Bool(*b),
        TokenKind::Error(e) => Item::Error(*e),
        TokenKind::Cell(c) => Item::Cell(c.clone()),
        TokenKind::Area(a) => Item::Area(a.clone()),
        TokenKind::Name { sheet, name } => Item::Name {
            sheet: sheet.clone(),
            name: name.clone(),
        },
        TokenKind::External(t) => Item::External(t.clone()),
        _ => Item::Missing,
    }
}
