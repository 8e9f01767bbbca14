# exercise: vit_training
# mistake: the saved config is not the one the weights were trained with
def make_checkpoint(trained):
    return {'config': dict(trained['config'], num_layers=trained['config']['num_layers'] + 1),
            'state_dict': trained['state_dict']}
