# exercise: early_attention
# mistake: the model is defined but its training cell was never run, so no run of 'early' is logged
def make_checkpoint(trained):
    return {'runs': {n: a for n, a in trained['runs'].items() if n != 'early'},
            'table': {n: r for n, r in trained['table'].items() if n != 'early'},
            'ranking': [n for n in trained['ranking'] if n != 'early']}
